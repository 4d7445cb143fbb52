import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'An amount in integer minor units (cents) with its ISO currency.' })
export class Money {
  @Field(() => Int)
  amountMinor!: number;

  @Field()
  currency!: string;

  static of(amountMinor: number, currency: string): Money {
    return Object.assign(new Money(), { amountMinor, currency });
  }
}
