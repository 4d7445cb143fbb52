import { InvoiceExternalIdResolver, InvoiceLineExternalIdResolver, PackageExternalIdResolver, SessionExternalIdResolver, UserExternalIdResolver } from './external-ids.resolver';
import { CsvImportResolver } from './csv/csv.resolver';
import { SyncResolver } from './sync.resolver';

/** The sync feature's resolvers, registered in graphql/schema.ts. */
export const syncResolvers = [SyncResolver, UserExternalIdResolver, SessionExternalIdResolver, InvoiceExternalIdResolver, InvoiceLineExternalIdResolver, PackageExternalIdResolver, CsvImportResolver] as const;
