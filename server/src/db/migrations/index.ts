import { Migration20261123090000Initial } from './Migration20261123090000Initial';
import { Migration20261123093000TicketAdjustments } from './Migration20261123093000TicketAdjustments';
import { Migration20261123110000NotificationDelivery } from './Migration20261123110000NotificationDelivery';
import { Migration20261124100000Payouts } from './Migration20261124100000Payouts';
import { Migration20261124110000Security } from './Migration20261124110000Security';
import { Migration20261124130000Webhooks } from './Migration20261124130000Webhooks';
import { Migration20261124140000Evidence } from './Migration20261124140000Evidence';
import { Migration20261124150000Satisfaction } from './Migration20261124150000Satisfaction';
import { Migration20261124160000WebhookFanOutTrigger } from './Migration20261124160000WebhookFanOutTrigger';
import { Migration20261124170000BoardIndexes } from './Migration20261124170000BoardIndexes';
import { Migration20261124180000Desk } from './Migration20261124180000Desk';
import { Migration20261124190000Merge } from './Migration20261124190000Merge';
import { Migration20261124200000MergedReporters } from './Migration20261124200000MergedReporters';
import { Migration20261124210000AppendTicketEvents } from './Migration20261124210000AppendTicketEvents';
import { Migration20261204100000Sync } from './Migration20261204100000Sync';
import { Migration20261204110000Ledger } from './Migration20261204110000Ledger';
import { Migration20261204110000Accounts } from './Migration20261204110000Accounts';
import { Migration20261204120000Automations } from './Migration20261204120000Automations';
import { Migration20261204140000SlaClocks } from './Migration20261204140000SlaClocks';

/** Every committed migration, oldest first. Add new ones at the end. */
export const migrationsList = [
  { name: 'Migration20261123090000Initial', class: Migration20261123090000Initial },
  { name: 'Migration20261123093000TicketAdjustments', class: Migration20261123093000TicketAdjustments },
  { name: 'Migration20261123110000NotificationDelivery', class: Migration20261123110000NotificationDelivery },
  { name: 'Migration20261124100000Payouts', class: Migration20261124100000Payouts },
  { name: 'Migration20261124110000Security', class: Migration20261124110000Security },
  { name: 'Migration20261124130000Webhooks', class: Migration20261124130000Webhooks },
  { name: 'Migration20261124140000Evidence', class: Migration20261124140000Evidence },
  { name: 'Migration20261124150000Satisfaction', class: Migration20261124150000Satisfaction },
  { name: 'Migration20261124160000WebhookFanOutTrigger', class: Migration20261124160000WebhookFanOutTrigger },
  { name: 'Migration20261124170000BoardIndexes', class: Migration20261124170000BoardIndexes },
  { name: 'Migration20261124180000Desk', class: Migration20261124180000Desk },
  { name: 'Migration20261124190000Merge', class: Migration20261124190000Merge },
  { name: 'Migration20261124200000MergedReporters', class: Migration20261124200000MergedReporters },
  { name: 'Migration20261124210000AppendTicketEvents', class: Migration20261124210000AppendTicketEvents },
  { name: 'Migration20261204100000Sync', class: Migration20261204100000Sync },
  { name: 'Migration20261204110000Ledger', class: Migration20261204110000Ledger },
  { name: 'Migration20261204110000Accounts', class: Migration20261204110000Accounts },
  { name: 'Migration20261204120000Automations', class: Migration20261204120000Automations },
  { name: 'Migration20261204140000SlaClocks', class: Migration20261204140000SlaClocks },
];
