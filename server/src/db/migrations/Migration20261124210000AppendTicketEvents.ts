import { Migration } from '@mikro-orm/migrations';

/**
 * A transaction's ticket events in one round trip: the event-order lock, then the inserts, in
 * one function (its statements run in order; a single SQL statement could not promise that the
 * lock comes before the sequence numbers). Returns the sequences in the order of the arrays.
 */
export class Migration20261124210000AppendTicketEvents extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create function append_ticket_events(ticket_ids uuid[], kinds ticket_event_kind[], previous_statuses ticket_status[], internals boolean[])
      returns setof integer language plpgsql as $$
      begin
        perform pg_advisory_xact_lock(hashtext('ticket_events'));
        return query
          with added as (
            insert into ticket_events (ticket_id, kind, previous_status, internal)
            select e.ticket_id, e.kind, e.previous_status, e.internal
            from unnest(ticket_ids, kinds, previous_statuses, internals) with ordinality as e(ticket_id, kind, previous_status, internal, n)
            order by e.n
            returning sequence
          )
          select sequence from added order by sequence;
      end $$`);
  }

  override async down(): Promise<void> {
    this.addSql('drop function append_ticket_events(uuid[], ticket_event_kind[], ticket_status[], boolean[])');
  }
}
