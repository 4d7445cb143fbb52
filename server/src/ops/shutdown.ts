import type { Logger } from '../observability/logger';

export interface ShutdownStep {
  name: string;
  run(): Promise<void>;
}

/**
 * SIGTERM and SIGINT (to the process or its whole group, e.g. Ctrl-C) run `steps` in order, once:
 * each is awaited even when an earlier one failed, then the process exits 0. If they have not
 * finished within `graceMs` it exits 1 saying which step hung. Lines are plain, never a stack.
 */
export function stopOnSignals(steps: ShutdownStep[], graceMs: number, log: Logger): void {
  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) {
      log.info({ signal }, 'already shutting down');
      return;
    }
    stopping = true;
    const started = Date.now();
    let current = 'start';
    log.info({ signal, graceMs }, 'shutting down: draining');
    const hardStop = setTimeout(() => {
      log.error({ step: current, graceMs }, 'shutdown did not finish within SHUTDOWN_GRACE; exiting anyway');
      process.exit(1);
    }, graceMs);
    hardStop.unref();
    let clean = true;
    for (const step of steps) {
      current = step.name;
      try {
        await step.run();
      } catch (error) {
        clean = false;
        log.warn({ step: step.name, reason: error instanceof Error ? error.message : String(error) }, 'shutdown step failed');
      }
    }
    log.info({ durationMs: Date.now() - started, clean }, 'stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}
