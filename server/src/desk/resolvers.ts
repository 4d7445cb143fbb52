import { PresenceEventResolver, PresenceFieldsResolver, PresenceResolver, TicketViewersResolver } from './presence/presence.resolver';
import { BulkActionsResolver } from './bulk-actions.resolver';
import { MergeResolver, TicketMergeFieldsResolver } from './merge.resolver';
import { SplitResolver } from './split.resolver';
import { SavedViewsResolver } from './saved-views.resolver';
import { TicketSlaResolver } from './sla.resolver';
import { TicketStatsResolver } from './ticket-stats.resolver';

/** The coordinator desk's resolvers (listed in app/schema.ts). */
export const deskResolvers = [TicketSlaResolver, SavedViewsResolver, TicketStatsResolver,
  PresenceResolver, PresenceEventResolver, PresenceFieldsResolver, TicketViewersResolver,
  BulkActionsResolver, SplitResolver, MergeResolver, TicketMergeFieldsResolver] as const;
