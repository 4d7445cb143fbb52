import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType({ description: 'One staff action: who (id and name kept, so the row outlives the account), what, when, from which address, and the change as JSON. No foreign keys on purpose.' })
@Entity({ tableName: 'audit_log' })
export class AuditEntry {
  @Field(() => ID)
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Field(() => Date)
  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  at: Date = new Date();

  @Field(() => ID, { nullable: true })
  @Property({ type: 'uuid', nullable: true })
  actorId?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  actorName?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  actorRole?: string | null;

  @Field(() => ID, { nullable: true, description: 'The API key the actor acted through, if any' })
  @Property({ type: 'uuid', nullable: true })
  apiKeyId?: string | null;

  @Field({ description: 'e.g. auth.sign_in, api_key.created, api_key.revoked, resolution_action.updated, ticket.final_decision, user.role_changed' })
  @Property({ type: 'text' })
  action!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  targetType?: string | null;

  @Field(() => ID, { nullable: true })
  @Property({ type: 'text', nullable: true })
  targetId?: string | null;

  @Field(() => String, { nullable: true, description: 'The client address the request came from' })
  @Property({ type: 'text', nullable: true })
  address?: string | null;

  /** Exposed as JSON text by AuditLogResolver. */
  @Property({ type: 'jsonb' })
  change: Record<string, unknown> = {};
}
