import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { User } from '../../auth/user.entity';

export enum PresenceState {
  VIEWING = 'VIEWING',
  TYPING = 'TYPING',
  /** Gone: the tab said so, or no heartbeat came for the presence TTL (30 s). */
  LEFT = 'LEFT',
}
registerEnumType(PresenceState, { name: 'PresenceState' });

@ObjectType({ description: 'A staff member who has the ticket open.' })
export class Presence {
  @Field(() => User)
  user!: User;

  @Field(() => PresenceState)
  state!: PresenceState;

  @Field({ description: 'When this state began.' })
  since!: Date;

  userId!: string;
}

@ObjectType()
export class PresenceEvent {
  @Field(() => ID)
  ticketId!: string;

  @Field(() => User)
  user!: User;

  @Field(() => PresenceState)
  state!: PresenceState;

  @Field()
  at!: Date;

  userId!: string;
}
