import type { TicketDetailQuery } from '../../graphql/generated/graphql';

export type TicketDetail = NonNullable<TicketDetailQuery['ticket']>;
export type TicketSession = TicketDetail['sessions'][number];
