import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { type Transporter, createTransport } from 'nodemailer';
import type { Config } from '../../config';
import { PermanentDeliveryError } from '../delivery-errors';
import type { RenderedEmail } from './render-email';
import { loggerFor } from '../../observability/logger';

const log = loggerFor('email');

export interface OutgoingEmail extends RenderedEmail {
  to: { name: string; address: string };
  /** Stable across retries, so a mail client can drop a duplicate from the at-least-once delivery. */
  messageId: string;
  /** Used to name the .eml file in development. */
  fileKey: string;
}

export interface Mailer {
  /** Where mail goes, for the start-up log. */
  readonly description: string;
  send(mail: OutgoingEmail): Promise<void>;
  close(): void;
}

/** A Message-ID derived from the outbox dedupe key: the same message always has the same id. */
export function messageIdFor(dedupeKey: string, mailFrom: string): string {
  const domain = /@([^>\s]+)>?\s*$/.exec(mailFrom)?.[1] ?? 'tickets.localhost';
  return `<${createHash('sha256').update(dedupeKey).digest('hex').slice(0, 32)}@${domain}>`;
}

/** SMTP when SMTP_URL is set; otherwise .eml files under DATA_DIR/mail (development). */
export function createMailer(config: Config): Mailer {
  return config.smtpUrl ? smtpMailer(config, config.smtpUrl) : fileMailer(config, path.join(config.dataDir, 'mail'));
}

function message(config: Config, mail: OutgoingEmail) {
  return {
    from: config.mailFrom,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    messageId: mail.messageId,
    headers: { 'Auto-Submitted': 'auto-generated' },
  };
}

function smtpMailer(config: Config, url: string): Mailer {
  // Short timeouts: a hung server fails this attempt and the retry schedule takes over.
  const transport: Transporter = createTransport({ url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 } as never);
  const target = new URL(url);
  return {
    description: `SMTP ${target.hostname}:${target.port || 'default port'}`,
    async send(mail) {
      try {
        await transport.sendMail(message(config, mail));
      } catch (error) {
        throw classifySmtpError(error);
      }
    },
    close: () => transport.close(),
  };
}

/** A 5xx answer to the envelope or the message will not change on a retry; anything else might. */
function classifySmtpError(error: unknown): Error {
  const err = error as Error & { responseCode?: number; code?: string; response?: string };
  const permanent = typeof err.responseCode === 'number' && err.responseCode >= 500 && ['EENVELOPE', 'EMESSAGE'].includes(err.code ?? '');
  const detail = err.response ?? err.message;
  return permanent ? new PermanentDeliveryError(`SMTP ${err.responseCode}: ${detail}`) : new Error(`SMTP ${err.code ?? 'error'}: ${detail}`);
}

function fileMailer(config: Config, dir: string): Mailer {
  const transport = createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    description: `.eml files in ${dir} (no SMTP_URL)`,
    async send(mail) {
      const info = await transport.sendMail(message(config, mail));
      await mkdir(dir, { recursive: true });
      // Named by the outbox row: a repeated delivery overwrites instead of adding a second file.
      const file = path.join(dir, `${mail.fileKey}.eml`);
      await writeFile(file, info.message as Buffer);
      log.info({ file }, 'email written to a file');
    },
    close: () => transport.close(),
  };
}
