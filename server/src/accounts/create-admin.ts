import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { Role } from '../auth/roles';
import { loadConfig } from '../config';
import { openAppDatabase } from '../app/database';
import { DomainError } from '../errors';
import { deliverOutboxMessage } from '../notifications/delivery';
import { createServices } from '../app/services';
import { inviteUser } from './invitations';

/**
 * `npm run create-admin -- --email <address> [--name <name>]`: invites an admin. The e-mail is
 * sent now when SMTP_URL is set; without it the one-use link is printed here.
 */
async function main() {
  const { values } = parseArgs({ options: { email: { type: 'string' }, name: { type: 'string' } } });
  if (!values.email) {
    console.error('Usage: npm run create-admin -- --email admin@example.com [--name "Ada Admin"]');
    process.exit(2);
  }
  const config = loadConfig();
  const db = await openAppDatabase(config, () => undefined);
  const services = createServices(config, db.orm);
  try {
    const name = values.name ?? values.email.split('@')[0];
    const { invitation, link, mailId } = await inviteUser(services.accounts, null, { email: values.email, name, role: Role.ADMIN });
    if (config.smtpUrl) {
      const outcome = await deliverOutboxMessage(config, services.notifier, db.orm.em.fork(), mailId);
      console.log(outcome === 'sent' ? `Invitation e-mailed to ${invitation.email}.` : `The e-mail could not be sent yet (${outcome}); the worker retries it. Link: ${link}`);
    } else {
      console.log(`No SMTP_URL: nothing was e-mailed. Open this one-use link to choose the password of ${invitation.email}:`);
      console.log(link);
    }
    console.log(`It works until ${invitation.expiresAt.toISOString()}.`);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    console.error(error.message);
    process.exitCode = 1;
  } finally {
    services.notifier.mailer.close();
    await db.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
