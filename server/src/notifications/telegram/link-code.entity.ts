import { Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { User } from '../../auth/user.entity';

/** A one-time code that links a Telegram chat to a user; only its hash is stored. */
@Entity({ tableName: 'telegram_link_codes' })
export class TelegramLinkCode {
  @PrimaryKey({ type: 'text' })
  codeHash!: string;

  @Index()
  @ManyToOne(() => User, { deleteRule: 'cascade' })
  user!: User;

  @Property({ type: 'timestamptz' })
  expiresAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  usedAt?: Date | null;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}
