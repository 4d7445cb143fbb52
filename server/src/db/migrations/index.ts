import { Migration20261123090000Initial } from './Migration20261123090000Initial';
import { Migration20261123093000TicketAdjustments } from './Migration20261123093000TicketAdjustments';
import { Migration20261123110000NotificationDelivery } from './Migration20261123110000NotificationDelivery';
import { Migration20261124140000Desk } from './Migration20261124140000Desk';

/** Every committed migration, oldest first. Add new ones at the end. */
export const migrationsList = [
  { name: 'Migration20261123090000Initial', class: Migration20261123090000Initial },
  { name: 'Migration20261123093000TicketAdjustments', class: Migration20261123093000TicketAdjustments },
  { name: 'Migration20261123110000NotificationDelivery', class: Migration20261123110000NotificationDelivery },
  { name: 'Migration20261124140000Desk', class: Migration20261124140000Desk },
];
