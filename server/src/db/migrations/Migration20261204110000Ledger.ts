import { Migration } from '@mikro-orm/migrations';

/**
 * The money ledger for the business's accounting, written by the database where the money moves
 * (so no path that moves money can forget it): a line's credit changing, a charge line added by
 * a decision, a package credit coming back, a payout deducted, released or paid. At commit a
 * deferred trigger names the ticket (from ticket_adjustments of the same transaction) and
 * writes the ledger.entry_created webhook event with the business's external ids.
 */
export class Migration20261204110000Ledger extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create type ledger_kind as enum ('CREDIT_NOTE', 'LINE_REDUCED', 'LINE_VOIDED', 'CHARGE', 'PACKAGE_CREDIT_RESTORED', 'PAYOUT_DEDUCTION', 'PAYOUT_RELEASED', 'PAYOUT_PAID')`);
    this.addSql(`create table ledger_entries (
      id uuid primary key default gen_random_uuid(),
      sequence bigserial not null unique,
      kind ledger_kind not null,
      amount_minor int not null,
      currency char(3) not null,
      created_at timestamptz not null default now(),
      ticket_id uuid null, invoice_id uuid null, line_id uuid null, session_id uuid null, user_id uuid null,
      package_id uuid null, payout_id uuid null, reference text null,
      xact bigint not null default txid_current())`);
    // Whether a row was written by the current transaction (xmin is the 32-bit part of txid_current()).
    this.addSql(`create function written_now(row_xmin xid) returns boolean language sql stable as $$ select row_xmin::text = (txid_current() % 4294967296)::text $$`);

    this.addSql(`create function ledger_line_credit() returns trigger language plpgsql as $$
declare
  delta int := new.credited_minor - old.credited_minor;
  invoice_status invoice_status;
begin
  if delta = 0 then return null; end if;
  select status into invoice_status from invoices where id = new.invoice_id;
  insert into ledger_entries (kind, amount_minor, currency, invoice_id, line_id, session_id, user_id)
  values (case when delta < 0 then 'CHARGE' when invoice_status <> 'DRAFT' then 'CREDIT_NOTE' when new.voided then 'LINE_VOIDED' else 'LINE_REDUCED' end::ledger_kind,
          delta, new.currency, new.invoice_id, new.id, new.session_id, new.learner_id);
  return null;
end $$`);
    this.addSql(`create trigger ledger_line_credit after update of credited_minor on invoice_lines for each row execute function ledger_line_credit()`);

    // A later, smaller decision on an issued invoice bills the difference as a new draft line: at
    // commit, a charge whose line was written now without its credit changing is such a new line.
    this.addSql(`create function ledger_charge_line() returns trigger language plpgsql as $$
begin
  if new.kind = 'LINE_CHARGE' and new.invoice_line_id is not null then
    insert into ledger_entries (kind, amount_minor, currency, ticket_id, invoice_id, line_id, session_id, user_id)
    select 'CHARGE', new.amount_minor, l.currency, new.ticket_id, l.invoice_id, l.id, l.session_id, l.learner_id
      from invoice_lines l where l.id = new.invoice_line_id and written_now(l.xmin)
       and not exists (select 1 from ledger_entries x where x.line_id = l.id and x.xact = txid_current());
  end if;
  return null;
end $$`);
    this.addSql(`create constraint trigger ledger_charge_line after insert on ticket_adjustments deferrable initially deferred for each row execute function ledger_charge_line()`);

    this.addSql(`create function ledger_package_credit() returns trigger language plpgsql as $$
begin
  if new.credits_used < old.credits_used then
    insert into ledger_entries (kind, amount_minor, currency, package_id, user_id)
    values ('PACKAGE_CREDIT_RESTORED', 0, 'XXX', new.id, new.learner_id);
  end if;
  return null;
end $$`);
    this.addSql(`create trigger ledger_package_credit after update of credits_used on packages for each row execute function ledger_package_credit()`);

    this.addSql(`create function ledger_payout() returns trigger language plpgsql as $$
declare
  net int := new.amount_minor - new.deducted_minor - new.carried_minor;
begin
  if tg_op = 'INSERT' then
    if new.status = 'RELEASED' then
      insert into ledger_entries (kind, amount_minor, currency, session_id, user_id, payout_id) values ('PAYOUT_RELEASED', net, new.currency, new.session_id, new.tutor_id, new.id);
    end if;
    return null;
  end if;
  if new.deducted_minor <> old.deducted_minor then
    insert into ledger_entries (kind, amount_minor, currency, session_id, user_id, payout_id)
    values ('PAYOUT_DEDUCTION', new.deducted_minor - old.deducted_minor, new.currency, new.session_id, new.tutor_id, new.id);
  end if;
  if new.status = 'RELEASED' and old.status <> 'RELEASED' then
    insert into ledger_entries (kind, amount_minor, currency, session_id, user_id, payout_id) values ('PAYOUT_RELEASED', net, new.currency, new.session_id, new.tutor_id, new.id);
  elsif new.status = 'PAID' and old.status <> 'PAID' then
    insert into ledger_entries (kind, amount_minor, currency, session_id, user_id, payout_id, reference) values ('PAYOUT_PAID', net, new.currency, new.session_id, new.tutor_id, new.id, new.reference);
  end if;
  return null;
end $$`);
    this.addSql(`create trigger ledger_payout after insert or update of status, deducted_minor on tutor_payouts for each row execute function ledger_payout()`);

    this.addSql(`create function ledger_entry_finish() returns trigger language plpgsql as $$
declare
  e ledger_entries;
  found_ticket uuid;
  found_reference text;
  found_session uuid;
  credits int;
begin
  select * into e from ledger_entries where id = new.id;
  if e.line_id is not null and e.ticket_id is null then
    select a.ticket_id, n.number into found_ticket, found_reference from ticket_adjustments a left join credit_notes n on n.id = a.credit_note_id
     where a.invoice_line_id = e.line_id and written_now(a.xmin) order by a.created_at desc limit 1;
    if found_reference is null and e.kind = 'CREDIT_NOTE' then
      select n.number, n.ticket_id into found_reference, found_ticket from credit_note_lines cl join credit_notes n on n.id = cl.credit_note_id
       where cl.invoice_line_id = e.line_id and written_now(cl.xmin) order by n.number desc limit 1;
    end if;
    update ledger_entries set ticket_id = found_ticket, reference = coalesce(reference, found_reference) where id = e.id;
  elsif e.kind = 'PACKAGE_CREDIT_RESTORED' then
    select a.ticket_id, a.session_id, sum(a.package_credits)::int into found_ticket, found_session, credits from ticket_adjustments a
     where a.package_id = e.package_id and written_now(a.xmin) and a.package_credits > 0 group by a.ticket_id, a.session_id limit 1;
    update ledger_entries l set ticket_id = found_ticket, session_id = coalesce(found_session, l.session_id),
           amount_minor = coalesce(credits * s.price_minor, 0), currency = coalesce(s.currency, p.currency, 'XXX')
      from packages pk left join tutoring_sessions s on s.id = found_session
      left join lateral (select i.currency from invoices i where i.billed_to_id = pk.billed_to_id limit 1) p on true
     where l.id = e.id and pk.id = e.package_id;
  elsif e.kind = 'PAYOUT_DEDUCTION' then
    select a.ticket_id into found_ticket from ticket_adjustments a where a.session_id = e.session_id and written_now(a.xmin) order by a.created_at desc limit 1;
    update ledger_entries set ticket_id = found_ticket where id = e.id;
  end if;
  select * into e from ledger_entries where id = new.id;
  insert into webhook_events (id, type, order_key, body, created_at)
  select ev.id, 'LEDGER_ENTRY_CREATED', 'ledger', json_build_object(
      'id', ev.id, 'type', 'ledger.entry_created', 'createdAt', to_char(e.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
      'data', json_build_object('entry', ledger_entry_json(e)))::text, now()
    from (select gen_random_uuid() as id) ev;
  return null;
end $$`);
    this.addSql(`create function ledger_entry_json(e ledger_entries) returns json language sql stable as $$
  select json_build_object(
    'id', e.id, 'sequence', e.sequence, 'kind', e.kind, 'amount', json_build_object('amountMinor', e.amount_minor, 'currency', e.currency),
    'createdAt', to_char(e.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
    'ticketId', e.ticket_id, 'ticketNumber', (select number from tickets where id = e.ticket_id),
    'invoiceExternalId', (select external_id from sync_records where kind = 'INVOICE' and entity_id = e.invoice_id),
    'lineExternalId', (select external_id from sync_records where kind = 'LINE' and entity_id = e.line_id),
    'sessionExternalId', (select external_id from sync_records where kind = 'SESSION' and entity_id = e.session_id),
    'userExternalId', (select external_id from sync_records where kind = 'USER' and entity_id = e.user_id),
    'reference', e.reference)
$$`);
    this.addSql(`create constraint trigger ledger_entry_finish after insert on ledger_entries deferrable initially deferred for each row execute function ledger_entry_finish()`);
  }

  override async down(): Promise<void> {
    this.addSql('drop trigger ledger_entry_finish on ledger_entries');
    this.addSql('drop trigger ledger_payout on tutor_payouts');
    this.addSql('drop trigger ledger_package_credit on packages');
    this.addSql('drop trigger ledger_charge_line on ticket_adjustments');
    this.addSql('drop trigger ledger_line_credit on invoice_lines');
    this.addSql('drop function ledger_entry_finish(), ledger_payout(), ledger_package_credit(), ledger_charge_line(), ledger_line_credit()');
    this.addSql('drop table ledger_entries');
    this.addSql('drop function ledger_entry_json(ledger_entries), written_now(xid)');
    this.addSql('drop type ledger_kind');
  }
}
