import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Parses "90s", "15m", "72h", "7d" or plain milliseconds. */
export function parseDuration(value: string, name: string): number {
  const match = /^(\d+)\s*(ms|s|m|h|d)?$/.exec(value.trim());
  if (!match) throw new Error(`${name}: cannot read "${value}" as a duration (e.g. 90s, 15m, 72h, 7d)`);
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[(match[2] ?? 'ms') as 'ms'];
  return Number(match[1]) * unit;
}

function int(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name}: expected a whole number, got "${value}"`);
  return n;
}

export type Config = ReturnType<typeof loadConfig>;

/** Every environment variable the server reads, parsed and checked once. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env) {
  const nodeEnv = env.NODE_ENV ?? 'development';
  const dataDir = path.resolve(env.DATA_DIR ?? '.data');
  const port = int(env.PORT, 4000, 'PORT');
  const publicUrl = (env.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/$/, '');
  return {
    nodeEnv,
    isProduction: nodeEnv === 'production',
    /** Internal error messages reach clients only in development and test. */
    exposeErrors: nodeEnv === 'development',
    port,
    host: env.HOST ?? '0.0.0.0',
    publicUrl,
    dataDir,
    databaseUrl: env.DATABASE_URL || undefined,
    jwtSecret: env.JWT_SECRET || undefined,
    jwtTtlSeconds: Math.floor(parseDuration(env.JWT_TTL ?? '12h', 'JWT_TTL') / 1000),
    seedOnEmpty: (env.SEED_ON_EMPTY ?? 'true') !== 'false',
    autoCloseAfterMs: parseDuration(env.AUTO_CLOSE_AFTER ?? '72h', 'AUTO_CLOSE_AFTER'),
    resolutionDueAfterMs: parseDuration(env.RESOLUTION_DUE_AFTER ?? '7d', 'RESOLUTION_DUE_AFTER'),
    firstResponseDueAfterMs: parseDuration(env.FIRST_RESPONSE_DUE_AFTER ?? '24h', 'FIRST_RESPONSE_DUE_AFTER'),
    coordinatorsDecideEscalations: env.COORDINATORS_DECIDE_ESCALATIONS === 'true',
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM ?? 'Tickets <tickets@localhost>',
    telegramBotToken: env.TELEGRAM_BOT_TOKEN || undefined,
    telegramApiRoot: env.TELEGRAM_API_ROOT || undefined,
    /** First retry of a failed email/Telegram delivery after this; each next one waits twice as long. */
    notifyRetryBaseMs: parseDuration(env.NOTIFY_RETRY_BASE ?? '30s', 'NOTIFY_RETRY_BASE'),
    /** Delivery attempts before a message is DEAD. */
    notifyMaxAttempts: Math.max(1, int(env.NOTIFY_MAX_ATTEMPTS, 6, 'NOTIFY_MAX_ATTEMPTS')),
    /** reportIssue calls one user may make per hour (every instance together). */
    reportIssueLimit: Math.max(1, int(env.REPORT_ISSUE_LIMIT, 30, 'REPORT_ISSUE_LIMIT')),
    /** New WebSocket connections one client address may open per minute (every instance together). */
    webSocketConnectionsPerMinute: Math.max(1, int(env.WS_CONNECTIONS_PER_MINUTE, 60, 'WS_CONNECTIONS_PER_MINUTE')),
    /** Behind a reverse proxy: take the client address from X-Forwarded-For. */
    trustProxy: env.TRUST_PROXY === 'true',
    /** First retry of a failed webhook after this, doubling up to 6 h (partner apps, see webhooks/). */
    webhookRetryBaseMs: parseDuration(env.WEBHOOK_RETRY_BASE ?? '30s', 'WEBHOOK_RETRY_BASE'),
    /** A webhook delivery is given up after this; an endpoint failing this long is switched off. */
    webhookGiveUpAfterMs: parseDuration(env.WEBHOOK_GIVE_UP_AFTER ?? '3d', 'WEBHOOK_GIVE_UP_AFTER'),
    /** How long after a report (or an escalation) evidence files may be attached. */
    evidenceWindowMs: parseDuration(env.EVIDENCE_WINDOW ?? '72h', 'EVIDENCE_WINDOW'),
    /** A ticket's viewer disappears this long after their last presence heartbeat. */
    presenceTtlMs: parseDuration(env.PRESENCE_TTL ?? '30s', 'PRESENCE_TTL'),
    runWorker: (env.RUN_WORKER ?? 'true') !== 'false',
    /** Introspection and "did you mean" suggestions: on outside production unless turned off, off in production unless turned on. */
    graphqlIntrospection: env.GRAPHQL_INTROSPECTION ? env.GRAPHQL_INTROSPECTION === 'true' : nodeEnv !== 'production',
    logQueries: env.LOG_SQL === 'true',
    /** GET /metrics asks for this bearer token when set. */
    metricsToken: env.METRICS_TOKEN || undefined,
    /** SIGTERM/SIGINT: in-flight requests get this long to finish before the process exits. */
    shutdownGraceMs: parseDuration(env.SHUTDOWN_GRACE ?? '10s', 'SHUTDOWN_GRACE'),
    /** Draining: /readyz answers 503 this long before the server stops accepting (lets a load balancer notice first). */
    shutdownDelayMs: parseDuration(env.SHUTDOWN_DELAY ?? '0', 'SHUTDOWN_DELAY'),
  };
}

/** JWT_SECRET, or in development a secret generated once and kept under the data directory. */
export function resolveJwtSecret(config: Config): string {
  if (config.jwtSecret) return config.jwtSecret;
  if (config.isProduction) throw new Error('JWT_SECRET must be set in production');
  const file = path.join(config.dataDir, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(config.dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
