import type { TestApp } from './app';
import type { ReceivedMail, SmtpSink } from './smtp-sink';

export const INVITE = `mutation($input: InviteUserInput!) { inviteUser(input: $input) { id email role expiresAt acceptedAt invitedBy { id } } }`;
export const ACCEPT_INVITATION = `mutation($t: String!, $p: String!, $n: String) { acceptInvitation(token: $t, password: $p, name: $n) { token user { id email role name } } }`;
export const REQUEST_RESET = `mutation($e: String!) { requestPasswordReset(email: $e) }`;
export const RESET = `mutation($t: String!, $p: String!) { resetPassword(token: $t, newPassword: $p) { token user { id email } } }`;
export const LOGIN = 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }';

/** The token of the link to `path` (invite or reset) in the newest mail to `to`. */
export async function linkTokenIn(sink: SmtpSink, to: string, path: 'invite' | 'reset', count = 1): Promise<{ token: string; mail: ReceivedMail }> {
  // The worker may first be sending the demo's backlog (SLA notices) on a busy machine.
  const mails = await sink.waitFor((m) => m.to.includes(to) && (m.mail.text ?? '').includes(`/${path}/`), count, 60_000);
  const mail = mails[mails.length - 1];
  const match = new RegExp(`/${path}/([A-Za-z0-9_-]+)`).exec(mail.mail.text ?? '');
  if (!match) throw new Error(`no /${path}/ link in the mail to ${to}`);
  return { token: decodeURIComponent(match[1]), mail };
}

/** POST /graphql from a chosen client address (the app runs with TRUST_PROXY=true). */
export async function gqlFrom(app: TestApp, address: string, query: string, variables: Record<string, unknown> = {}, token?: string) {
  const response = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': address, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, ...((await response.json()) as { data?: any; errors?: any[] }) };
}
