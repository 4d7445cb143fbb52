import { randomUUID } from 'node:crypto';
import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { Role } from '../auth/roles';
import { User } from '../auth/user.entity';

/** A one-use link that lets a person set their password (PUBLIC_URL/invite/<token>); only its hash is kept. */
@ObjectType({ description: 'An invitation to set a password and sign in' })
@Entity({ tableName: 'invitations' })
export class Invitation {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Index()
  @ManyToOne(() => User)
  user!: User;

  @Field({ description: 'Where the invitation was sent' })
  @Property({ type: 'text' })
  email!: string;

  @Field(() => Role, { description: 'The role of the account (a synced account keeps its own)' })
  @Enum({ items: () => Role, nativeEnumName: 'user_role' })
  role!: Role;

  @Property({ type: 'text', unique: true, hidden: true })
  tokenHash!: string;

  /** Null when made by `npm run create-admin`. */
  @ManyToOne(() => User, { nullable: true })
  invitedBy?: User | null;

  @Field({ description: 'The link stops working then' })
  @Property({ type: 'timestamptz' })
  expiresAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When the person set their password with it' })
  @Property({ type: 'timestamptz', nullable: true })
  acceptedAt?: Date | null;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}

/** A one-use link to set a new password (PUBLIC_URL/reset/<token>); only its hash is kept. */
@Entity({ tableName: 'password_resets' })
export class PasswordReset {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Index()
  @ManyToOne(() => User)
  user!: User;

  @Property({ type: 'text', unique: true, hidden: true })
  tokenHash!: string;

  @Property({ type: 'timestamptz' })
  expiresAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  usedAt?: Date | null;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}
