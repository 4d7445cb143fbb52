import { randomUUID } from 'node:crypto';
import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { Role } from './roles';

@ObjectType()
@Entity({ tableName: 'users' })
export class User {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field()
  @Property({ type: 'text' })
  name!: string;

  /** Stored lower-case; unique (see migration's index on lower(email)). Exposed by UserFieldsResolver. */
  @Property({ type: 'text', unique: true })
  email!: string;

  @Field(() => Role)
  @Index()
  @Enum({ items: () => Role, nativeEnumName: 'user_role' })
  role!: Role;

  /** Null until the person sets one (an invitation not yet accepted, a synced account, single sign-on only). */
  @Property({ type: 'text', hidden: true, lazy: true, nullable: true })
  passwordHash?: string | null;

  @Field()
  @Property({ type: 'text', default: 'UTC' })
  timezone: string = 'UTC';

  @Field({ description: 'The language messages are written in (BCP 47; en and es ship; default DEFAULT_LOCALE, en)' })
  @Property({ type: 'text', default: 'en' })
  locale: string = 'en';

  /** The last sign-in of any kind; null for someone who never signed in. */
  @Property({ type: 'timestamptz', nullable: true })
  lastSignInAt?: Date | null;

  @Property({ type: 'text', nullable: true })
  telegramChatId?: string | null;

  @Property({ type: 'boolean', default: true })
  emailNotifications: boolean = true;

  @Property({ type: 'boolean', default: true })
  telegramNotifications: boolean = true;

  /** A closed account can no longer sign in; its tokens stop working. */
  @Field({ description: 'False once an admin deactivated the account: it cannot sign in, its tokens and API keys stop working' })
  @Property({ type: 'boolean', default: true })
  active: boolean = true;

  /** Bumped by changePassword and logout(everywhere): tokens signed with an older one stop working. */
  @Property({ type: 'int', default: 0 })
  tokenGeneration: number = 0;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}

/** Parent-to-child link: a parent sees their children's sessions, invoices and tickets. */
@Entity({ tableName: 'parent_links' })
export class ParentLink {
  @ManyToOne(() => User, { primary: true })
  parent!: User;

  @Index()
  @ManyToOne(() => User, { primary: true })
  child!: User;
}
