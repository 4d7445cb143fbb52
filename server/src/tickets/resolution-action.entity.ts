import { randomUUID } from 'node:crypto';
import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DisputeCategory, ResolutionEffect } from './enums';

@ObjectType({ description: 'An admin-defined way to resolve a ticket; deactivated rather than deleted once used.' })
@Entity({ tableName: 'resolution_actions' })
export class ResolutionAction {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => DisputeCategory, { description: 'Null: offered for every category.', nullable: true })
  @Index()
  @Enum({ items: () => DisputeCategory, nativeEnumName: 'dispute_category', nullable: true })
  category?: DisputeCategory | null;

  @Field()
  @Property({ type: 'text' })
  label!: string;

  @Field(() => ResolutionEffect)
  @Enum({ items: () => ResolutionEffect, nativeEnumName: 'resolution_effect' })
  effect!: ResolutionEffect;

  @Field(() => Int, { nullable: true })
  @Property({ type: 'integer', nullable: true })
  creditPercent?: number | null;

  @Field()
  @Property({ type: 'boolean', default: true })
  active: boolean = true;

  @Property({ type: 'integer', default: 0 })
  sortOrder: number = 0;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
