import { RealtimeHub } from './hub';
import { type ListenerOptions, RealtimeListener } from './listener';

/** Live updates of one instance: the LISTEN connection and the hub that routes what it hears. */
export interface Realtime {
  hub: RealtimeHub;
  listener: RealtimeListener;
  start(): Promise<void>;
  close(): Promise<void>;
}

/** Feeds register on `hub` before `start()`. */
export function createRealtime(databaseUrl: string, options: ListenerOptions = {}): Realtime {
  const hub = new RealtimeHub();
  const listener = new RealtimeListener(databaseUrl, hub, options);
  return {
    hub,
    listener,
    async start() {
      await hub.init();
      await listener.start();
    },
    async close() {
      await listener.stop();
      hub.close();
    },
  };
}
