import { Field, Int, ObjectType } from 'type-graphql';

/** An amount in integer minor units (cents) with its ISO currency. */
@ObjectType()
export class Money {
  @Field(() => Int)
  amountMinor!: number;

  @Field()
  currency!: string;

  static of(amountMinor: number, currency: string): Money {
    return Object.assign(new Money(), { amountMinor, currency });
  }
}
