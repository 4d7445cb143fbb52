import { describe, expect, it } from 'vitest';
import { renderEmail } from '../../server/src/notifications/email/render-email';
import { renderTelegram, telegramAcceptsUrl } from '../../server/src/notifications/telegram/render-telegram';
import { renderContent } from '../../server/src/notifications/templates';

const context = { recipientName: 'Tess <Tutor>', publicUrl: 'https://desk.example.test', staff: false };
const payload = { ticketId: 't-1', ticketNumber: 'T-000042', ticketTitle: 'Late & <rude>', title: 'Title', body: 'Body "quoted"' };

describe('notification templates', () => {
  it('has one template per event and a fallback, each linking to the ticket', () => {
    for (const event of ['ticket.created', 'ticket.resolved', 'ticket.escalated', 'ticket.closed', 'ticket.decided', 'invoice.updated', 'ticket.contact_tutor', 'something.new']) {
      const content = renderContent(event, payload, context);
      expect(content.subject.length).toBeGreaterThan(0);
      expect(content.link.url).toBe('https://desk.example.test/tickets/t-1');
    }
    expect(renderContent('something.new', payload, context).subject).toBe('Title');
    expect(renderContent('ticket.created', payload, { ...context, staff: true }).lines.join(' ')).not.toContain('your sessions');
  });

  it('escapes everything users wrote in the HTML body, and keeps headers on one line', () => {
    const email = renderEmail(renderContent('ticket.closed', { ...payload, ticketTitle: 'a\r\nBcc: x@y <b>' }, context));
    expect(email.html).toContain('Tess &lt;Tutor&gt;');
    expect(email.html).toContain('&lt;b&gt;');
    expect(email.html).not.toMatch(/<b>|<Tutor>/);
    expect(email.subject).not.toMatch(/[\r\n]/);
    expect(email.text).toContain('Tess <Tutor>');
  });

  it('uses URL buttons only for addresses Telegram accepts', () => {
    expect(telegramAcceptsUrl('https://desk.example.test/tickets/1')).toBe(true);
    expect(telegramAcceptsUrl('http://localhost:4000/tickets/1')).toBe(false);
    const local = renderTelegram('ticket.resolved', renderContent('ticket.resolved', payload, { ...context, publicUrl: 'http://localhost:4000' }), { staff: false });
    expect(local.replyMarkup).toBeUndefined();
    expect(local.text).toContain('http://localhost:4000/tickets/t-1');
  });
});
