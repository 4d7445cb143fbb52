import { formatMoney } from '../billing/format-money';
/**
 * What each event says, once for every channel: the email renderer turns it into plain text and
 * HTML, the Telegram renderer into a message with buttons. Plain strings only; renderers escape.
 */
export interface MessageContent {
  subject: string;
  /** Paragraphs, in order. */
  lines: string[];
  /** The ticket in the dashboard. */
  link: { label: string; url: string };
}

/** The outbox payload written by `announce` (and by contactTutor). */
export interface MessagePayload {
  title?: string;
  body?: string;
  ticketId?: string;
  ticketNumber?: string;
  ticketTitle?: string;
  status?: string;
  [extra: string]: unknown;
}

export interface TemplateContext {
  recipientName: string;
  publicUrl: string;
  /** Coordinators and admins read about the desk's tickets, not their own sessions. */
  staff: boolean;
}

export const ticketUrl = (publicUrl: string, ticketId: string | undefined) =>
  ticketId ? `${publicUrl}/tickets/${encodeURIComponent(ticketId)}` : `${publicUrl}/`;

const str = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value : undefined);

function money(payload: MessagePayload): string | undefined {
  const amount = payload.amountMinor ?? payload.creditedMinor ?? payload.deltaMinor;
  const currency = str(payload.currency);
  if (typeof amount !== 'number' || !currency) return undefined;
  return formatMoney(amount, currency);
}

type Template = (payload: MessagePayload, ticket: string, staff: boolean) => { subject: string; lines: Array<string | undefined> };

const TEMPLATES: Record<string, Template> = {
  'ticket.created': (p, ticket, staff) => ({
    subject: `New ticket ${ticket}: ${p.ticketTitle ?? p.title ?? ''}`.trim(),
    lines: staff
      ? ['A new issue was reported and waits for someone to take it.', str(p.body)]
      : ['A new issue was reported on one of your sessions.', str(p.body), 'Please have a look and respond in the dashboard.'],
  }),
  'ticket.resolved': (p, ticket) => ({
    subject: `Ticket ${ticket} was resolved`,
    lines: [`Your ticket "${p.ticketTitle ?? ''}" has a resolution.`, str(p.body) ?? 'You can accept it, or escalate it if you disagree.'],
  }),
  'ticket.decided': (p, ticket) => ({
    subject: `Final decision on ticket ${ticket}`,
    lines: [`Ticket "${p.ticketTitle ?? ''}" has its final decision and is closed.`, str(p.body)],
  }),
  'ticket.escalated': (p, ticket) => ({
    subject: `Ticket ${ticket} was escalated`,
    lines: [`Ticket "${p.ticketTitle ?? ''}" needs a final decision.`, str(p.body)],
  }),
  'ticket.closed': (p, ticket) => ({
    subject: `Ticket ${ticket} is closed`,
    lines: [`Ticket "${p.ticketTitle ?? ''}" is closed.`, str(p.body)],
  }),
  'ticket.merged': (p, ticket) => ({
    subject: `Ticket ${ticket} was merged into ${str(p.mergedIntoNumber) ?? 'another ticket'}`,
    lines: [`Ticket "${p.ticketTitle ?? ''}" reported the same issue as ${str(p.mergedIntoNumber) ?? 'another ticket'}, which lives on.`, str(p.body)],
  }),
  'payout.released': (p, ticket) => ({
    subject: money(p) ? `Payout released: ${money(p)}` : 'Payout released',
    lines: [`The hold on your payout ended: ticket ${ticket} is closed.`, money(p) ? `Released: ${money(p)}, in the next payment run.` : undefined],
  }),
  'invoice.updated': (p, ticket) => ({
    subject: str(p.invoiceNumber) ? `Invoice ${p.invoiceNumber} was updated` : 'Your invoice was updated',
    lines: [
      `Resolving ticket ${ticket} changed what you owe.`,
      money(p) ? `Amount: ${money(p)}.` : undefined,
      str(p.body),
    ],
  }),
  'ticket.contact_tutor': (p, ticket) => ({
    subject: `About ticket ${ticket}: ${p.ticketTitle ?? ''}`.trim(),
    lines: [
      `${str(p.senderName) ?? 'The support team'} has a question about ticket ${ticket} "${p.ticketTitle ?? ''}".`,
      str(p.description) ? `The report: ${p.description}` : undefined,
      `Message: ${p.body ?? ''}`,
    ],
  }),
  // One-click score links (satisfaction/), built with PUBLIC_URL when the request was written.
  'ticket.rate_request': (p, ticket) => ({
    subject: `How did we do with ticket ${ticket}?`,
    lines: [
      `Ticket "${p.ticketTitle ?? ''}" is closed. One click rates it from 1 (poor) to 5 (great):`,
      ...(Array.isArray(p.rateLinks) ? p.rateLinks.map((url, i) => `${i + 1}: ${String(url)}`) : []),
    ],
  }),
  'account.invitation': (p) => ({
    subject: 'You are invited to Tickets',
    lines: [
      `${str(p.inviterName) ?? 'The support team'} invited you to Tickets, the issue desk of your tutoring service.`,
      'Open the link below to choose your password and sign in.',
      str(p.expiresAt) ? `The link works once, until ${new Date(String(p.expiresAt)).toUTCString()}.` : undefined,
    ],
  }),
  'account.password_reset': (p) => ({
    subject: 'Reset your Tickets password',
    lines: [
      'Someone asked to reset the password of your Tickets account. Open the link below to choose a new one.',
      str(p.expiresAt) ? `The link works once, until ${new Date(String(p.expiresAt)).toUTCString()}.` : undefined,
      'If it was not you, ignore this e-mail: your password stays as it is.',
    ],
  }),
  'session.cancelled': (p) => ({
    subject: `Session cancelled: ${str(p.sessionSubject) ?? 'lesson'} on ${str(p.sessionDate) ?? ''}`.trim(),
    lines: [str(p.body), str(p.reason) ? `Reason: ${p.reason}` : undefined, 'Nothing is charged for it.'],
  }),
};

const fallback: Template = (p, ticket) => ({
  subject: str(p.title) ?? `Update on ticket ${ticket}`,
  lines: [str(p.body)],
});

/** The message for one outbox row; unknown events use a generic one built from its title and body. */
export function renderContent(event: string, payload: MessagePayload, context: TemplateContext): MessageContent {
  const ticket = payload.ticketNumber ?? 'ticket';
  const { subject, lines } = (TEMPLATES[event] ?? fallback)(payload, ticket, context.staff);
  return {
    subject,
    lines: [`Hello ${context.recipientName},`, ...lines.filter((line): line is string => Boolean(line))],
    link: str(payload.linkUrl)
      ? { label: event === 'account.invitation' ? 'Choose your password' : 'Choose a new password', url: String(payload.linkUrl) }
      : { label: `Open ${ticket} in the dashboard`, url: ticketUrl(context.publicUrl, payload.ticketId) },
  };
}
