import { Migration } from '@mikro-orm/migrations';

/**
 * A webhook event is fanned out only when some active endpoint wants its type: changes made while
 * nobody listens (the demo seed, most installations) enqueue no job at all.
 */
export class Migration20261124160000WebhookFanOutTrigger extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create function "webhook_events_fan_out"() returns trigger language plpgsql as $$
begin
  if exists (select 1 from webhook_endpoints e where e.active and new.type = any(e.events)) then
    perform graphile_worker.add_job('webhooks.fan_out', json_build_object('eventId', new.id), queue_name => 'webhooks:' || new.order_key);
  end if;
  return null;
end $$`);
    this.addSql(`create trigger "webhook_events_fan_out" after insert on "webhook_events" for each row execute function "webhook_events_fan_out"()`);
  }
}
