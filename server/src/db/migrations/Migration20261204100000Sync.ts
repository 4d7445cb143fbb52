import { Migration } from '@mikro-orm/migrations';

/**
 * The business's own ids (sync_records: kind + scope + external id -> our row, with the source's
 * last change time and a fingerprint of what it sent, so a repeat is UNCHANGED and an older one
 * STALE), the video room's meeting id on sessions.
 */
export class Migration20261204100000Sync extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table sync_records (
      kind text not null check (kind in ('USER', 'PACKAGE', 'SESSION', 'INVOICE', 'LINE')),
      scope text not null default '',
      external_id text not null,
      entity_id uuid not null,
      source_updated_at timestamptz not null,
      fingerprint text not null,
      updated_at timestamptz not null default now(),
      primary key (kind, scope, external_id))`);
    this.addSql('create unique index sync_records_entity on sync_records (kind, entity_id)');
    this.addSql('alter table tutoring_sessions add column meeting_id text null');
    this.addSql('create index tutoring_sessions_meeting_id on tutoring_sessions (meeting_id) where meeting_id is not null');
  }

  override async down(): Promise<void> {
    this.addSql('drop index tutoring_sessions_meeting_id');
    this.addSql('alter table tutoring_sessions drop column meeting_id');
    this.addSql('drop table sync_records');
  }
}
