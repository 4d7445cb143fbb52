import pino, { type Logger } from 'pino';
import { onHookFailure } from '../db/transaction';

export type { Logger };

/**
 * Keys whose values never reach a log line, wherever they sit in a logged object: secrets,
 * addresses and message bodies. A line that needs to say who is involved logs an id instead.
 */
const SECRET_KEYS = [
  'password', 'newPassword', 'currentPassword', 'token', 'accessToken', 'refreshToken', 'authorization',
  'cookie', 'apiKey', 'key', 'secret', 'email', 'to', 'from', 'address', 'body', 'text', 'html', 'variables', 'query',
];
const REDACT_PATHS = SECRET_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]);

/** What may still hide inside free text (an error message, a library's warning). */
const SECRET_PATTERNS: Array<[RegExp, string]> = [
  [/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g, '[address]'],
  [/\beyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+/g, '[token]'],
  [/\bpk_[A-Za-z0-9_-]{8,}/g, '[api key]'],
  [/\b(Bearer)\s+\S+/gi, '$1 [token]'],
  [/\b(\d{6,}):[A-Za-z0-9_-]{30,}/g, '[bot token]'],
];

/** Free text with anything that looks like an address, a token or a key replaced. */
export function scrub(text: string): string {
  let out = text;
  for (const [pattern, replacement] of SECRET_PATTERNS) out = out.replace(pattern, replacement);
  return out;
}

/** An error as a log field: its kind, message and stack, scrubbed; never the objects it carries. */
function errorField(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: scrub(String(error)) };
  const code = (error as { code?: unknown }).code;
  return {
    type: error.name,
    message: scrub(error.message),
    ...(typeof code === 'string' ? { code } : {}),
    ...(error.stack ? { stack: scrub(error.stack) } : {}),
  };
}

function createLogger(env: NodeJS.ProcessEnv = process.env): Logger {
  const nodeEnv = env.NODE_ENV ?? 'development';
  // Tests start many servers in one run: only warnings unless a test asks for more.
  const level = env.LOG_LEVEL || (nodeEnv === 'test' ? 'warn' : 'info');
  const pretty = nodeEnv === 'development' && env.LOG_FORMAT !== 'json';
  return pino({
    level,
    base: { pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    serializers: { err: errorField, error: errorField },
    formatters: { level: (label) => ({ level: label }) },
    hooks: {
      // Message strings are scrubbed too: a message is free text and may quote an address.
      logMethod(args, method) {
        const scrubbed = args.map((arg) => (typeof arg === 'string' ? scrub(arg) : arg)) as typeof args;
        method.apply(this, scrubbed);
      },
    },
    ...(pretty ? { transport: { target: 'pino-pretty', options: { colorize: true, ignore: 'pid,hostname', translateTime: 'SYS:HH:MM:ss' } } } : {}),
  });
}

/** The process's one logger (JSON lines on stdout; pino-pretty in development). */
export const logger: Logger = createLogger();

/** A logger for one part of the server: every line says which (`component`). */
export function loggerFor(component: string): Logger {
  return logger.child({ component });
}

onHookFailure((error) => loggerFor('db').error({ err: error }, 'after-commit hook failed'));
