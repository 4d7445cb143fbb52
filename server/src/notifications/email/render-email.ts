import type { MessageContent } from '../templates';

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Everything from users (titles, comments) goes through here before it reaches HTML. */
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch]);

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

/** The plain-text and HTML bodies of one message, from the same content. */
export function renderEmail(content: MessageContent): RenderedEmail {
  const text = `${[...content.lines, `${content.link.label}: ${content.link.url}`].join('\n\n')}\n\n-- \nTickets (turn email notifications off in the dashboard)\n`;
  const paragraphs = content.lines.map((line) => `<p style="margin:0 0 12px">${escapeHtml(line).replace(/\n/g, '<br>')}</p>`).join('\n');
  const html = `<!doctype html>
<html><body style="font-family:system-ui,sans-serif;font-size:15px;color:#222;max-width:560px">
<h2 style="font-size:18px">${escapeHtml(content.subject)}</h2>
${paragraphs}
<p style="margin:20px 0"><a href="${escapeHtml(content.link.url)}" style="background:#2456c9;color:#fff;padding:10px 16px;border-radius:6px;text-decoration:none">${escapeHtml(content.link.label)}</a></p>
<p style="color:#777;font-size:12px">Tickets &middot; you can turn email notifications off in the dashboard.</p>
</body></html>`;
  return { subject: content.subject.replace(/[\r\n]+/g, ' '), text, html };
}
