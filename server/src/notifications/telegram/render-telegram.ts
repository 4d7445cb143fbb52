import type { MessageContent } from '../templates';

export const ASSIGN_TO_ME = 'assign';

type InlineButton = { text: string; url: string } | { text: string; callback_data: string };
export interface InlineKeyboardMarkup {
  inline_keyboard: InlineButton[][];
}
export interface ForceReply {
  force_reply: true;
  input_field_placeholder?: string;
}

export interface TelegramMessage {
  text: string;
  replyMarkup?: InlineKeyboardMarkup | ForceReply;
}

/** Telegram refuses URL buttons that point at localhost or a bare host name, so those go in the text. */
export function telegramAcceptsUrl(url: string): boolean {
  try {
    const { hostname, protocol } = new URL(url);
    return /^https?:$/.test(protocol) && hostname.includes('.') && !/^(127\.|10\.|192\.168\.|0\.0\.0\.0)/.test(hostname) && hostname !== 'localhost';
  } catch {
    return false;
  }
}

/**
 * Plain text (no parse mode, so nothing users wrote can break the markup). A new dispute gets
 * "assign to me" for staff; a message from staff to the tutor asks for a reply, which becomes a comment.
 */
export function renderTelegram(event: string, content: MessageContent, options: { ticketId?: string; staff: boolean }): TelegramMessage {
  const urlButton = telegramAcceptsUrl(content.link.url);
  const [, ...lines] = content.lines; // the greeting reads oddly in a chat
  const parts = [content.subject, ...lines];
  if (event === 'ticket.contact_tutor') {
    parts.push('Reply to this message to answer: your reply is added to the ticket as a comment.', content.link.url);
    return { text: parts.join('\n\n'), replyMarkup: { force_reply: true, input_field_placeholder: 'Your answer' } };
  }
  if (!urlButton) parts.push(content.link.url);
  const row: InlineButton[] = [];
  if (urlButton) row.push({ text: 'Open in dashboard', url: content.link.url });
  if (event === 'ticket.created' && options.staff && options.ticketId) row.push({ text: 'Assign to me', callback_data: `${ASSIGN_TO_ME}:${options.ticketId}` });
  return { text: parts.join('\n\n').slice(0, 4096), replyMarkup: row.length ? { inline_keyboard: [row] } : undefined };
}
