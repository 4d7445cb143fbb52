import { Arg, Ctx, Field, Int, Mutation, ObjectType, Query, Resolver, registerEnumType } from 'type-graphql';
import { Role } from '../../auth/roles';
import { requireViewer } from '../../graphql/auth-guard';
import type { Context } from '../../graphql/context';
import { SyncResult } from '../sync.input';
import { type CsvKind, csvTemplate } from './columns';
import { importCsv } from './csv-import';

enum CsvImportKind {
  USERS = 'USERS',
  SESSIONS = 'SESSIONS',
  INVOICES = 'INVOICES',
}
registerEnumType(CsvImportKind, {
  name: 'CsvImportKind',
  description: 'What a CSV file holds',
  valuesConfig: { USERS: { description: 'Learners, parents and tutors' }, SESSIONS: { description: 'Sessions' }, INVOICES: { description: 'Invoices, one row per line' } },
});

@ObjectType({ description: 'The answer for one row of a CSV file' })
class CsvRowResult extends SyncResult {
  @Field(() => Int, { description: 'The data row, from 1 (the header is not counted)' })
  row!: number;
}

@ObjectType({ description: 'What a CSV import did (or, as a preview, would do) with a window of the file' })
class CsvImportResult {
  @Field(() => Int, { description: 'Data rows in the whole file' })
  rows!: number;

  @Field(() => Int, { description: 'Items in the whole file (rows; for invoices, invoices)' })
  items!: number;

  @Field(() => [CsvRowResult], { description: 'One answer per row of the window, in file order' })
  results!: CsvRowResult[];
}

@Resolver()
export class CsvImportResolver {
  @Mutation(() => CsvImportResult, { description: 'Admins: check (dryRun: the same rules as the sync, nothing written) or import a window of items of a CSV file' })
  importCsv(@Ctx() ctx: Context,
    @Arg('kind', () => CsvImportKind, { description: 'What the file holds' }) kind: CsvImportKind,
    @Arg('csv', { description: 'The whole file, UTF-8, with its header row' }) csv: string,
    @Arg('dryRun', { description: 'True: check every row and write nothing' }) dryRun: boolean,
    @Arg('fromItem', () => Int, { nullable: true, description: 'The first item of the window (from 0)' }) fromItem?: number,
    @Arg('itemCount', () => Int, { nullable: true, description: 'Items in the window, at most 500 (default 500)' }) itemCount?: number) {
    requireViewer(ctx, [Role.ADMIN]);
    return importCsv(ctx.em, kind as CsvKind, csv, dryRun, fromItem ?? 0, itemCount ?? 500);
  }

  @Query(() => String, { description: 'Admins: a CSV template (header and one example row) for this kind' })
  csvTemplate(@Ctx() ctx: Context, @Arg('kind', () => CsvImportKind, { description: 'What the file holds' }) kind: CsvImportKind) {
    requireViewer(ctx, [Role.ADMIN]);
    return csvTemplate(kind as CsvKind);
  }
}
