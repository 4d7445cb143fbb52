import type { TestApp } from './app';
import { sql } from './fixtures';

/** Everything a request could change (rate-limit counters aside, which count failures on purpose). */
export async function databaseFingerprint(app: TestApp): Promise<string> {
  const [row] = await sql(app, `select
    (select count(*) || ':' || coalesce(sum(version), 0) from tickets) as tickets,
    (select count(*) from issue_logs) as logs,
    (select count(*) from ticket_events) as events,
    -- SLA breach notices are the per-minute job's, due whenever a demo ticket's clock runs out.
    (select count(*) from outbox_messages where event <> 'ticket.sla_breached') as outbox,
    (select count(*) from credit_notes) as credit_notes,
    (select coalesce(sum(credited_minor), 0) from invoice_lines) as credited,
    (select count(*) || ':' || coalesce(sum(token_generation), 0) || ':' || count(*) filter (where active) from users) as users,
    (select count(*) || ':' || count(revoked_at) from api_keys) as api_keys,
    (select count(*) from revoked_tokens) as revoked,
    (select count(*) from audit_log) as audit,
    (select count(*) || ':' || count(read_at) from notifications where title not like '% breached its SLA') as notifications,
    (select count(*) || ':' || count(*) filter (where active) from resolution_actions) as actions,
    (select count(*) from saved_views) as views,
    (select count(*) || ':' || count(*) filter (where active) from webhook_endpoints) as webhooks,
    (select count(*) from webhook_deliveries) as webhook_deliveries,
    (select count(*) || ':' || count(*) filter (where status = 'PAID') from tutor_payouts) as payouts,
    (select count(*) || ':' || count(*) filter (where status = 'CANCELLED') from tutoring_sessions) as sessions,
    (select string_agg(role::text, ',' order by id) from users) as roles,
    (select count(*) from ticket_ratings) as ratings,
    (select count(*) from uploads) as uploads,
    (select count(*) from telegram_link_codes) as link_codes`);
  return JSON.stringify(row);
}
