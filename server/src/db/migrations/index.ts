import { Migration20261123090000Initial } from './Migration20261123090000Initial';

/** Every committed migration, oldest first. Add new ones at the end. */
export const migrationsList = [
  { name: 'Migration20261123090000Initial', class: Migration20261123090000Initial },
];
