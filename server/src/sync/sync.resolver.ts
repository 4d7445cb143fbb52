import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { Role } from '../auth/roles';
import { requireViewer } from '../graphql/auth-guard';
import type { Context } from '../graphql/context';
import { forbidden } from '../errors';
import { recordAttendanceBatch } from './attendance';
import { syncInvoices } from './invoices.sync';
import { syncPackages } from './packages.sync';
import { syncSessions } from './sessions.sync';
import { AttendanceEventInput, InvoiceSyncInput, PackageSyncInput, SessionSyncInput, SyncResult, UserSyncInput } from './sync.input';
import { syncUsers } from './users.sync';

/** Keys need sync:write (checked per operation before this runs); people must be admins. */
function requireSyncWriter(ctx: Context) {
  const viewer = requireViewer(ctx);
  if (!viewer.apiKeyId && viewer.role !== Role.ADMIN) throw forbidden('Only admins and API keys with the sync:write scope may sync the business\'s data');
  return viewer;
}

const EACH = 'At most 500 items; each is applied on its own and answered in input order (CREATED, UPDATED, UNCHANGED, STALE or FAILED)';

@Resolver()
export class SyncResolver {
  @Mutation(() => [SyncResult], { description: `Learners, parents and tutors by external id. ${EACH}` })
  syncUsers(@Ctx() ctx: Context, @Arg('input', () => [UserSyncInput]) input: UserSyncInput[]) {
    requireSyncWriter(ctx);
    return syncUsers(ctx.em, input);
  }

  @Mutation(() => [SyncResult], { description: `Prepaid packages of session credits. ${EACH}` })
  syncPackages(@Ctx() ctx: Context, @Arg('input', () => [PackageSyncInput]) input: PackageSyncInput[]) {
    requireSyncWriter(ctx);
    return syncPackages(ctx.em, input);
  }

  @Mutation(() => [SyncResult], { description: `Sessions; a COMPLETED one with tutorPay gets its payout. ${EACH}` })
  syncSessions(@Ctx() ctx: Context, @Arg('input', () => [SessionSyncInput]) input: SessionSyncInput[]) {
    requireSyncWriter(ctx);
    return syncSessions(ctx.em, input);
  }

  @Mutation(() => [SyncResult], { description: `Invoices with all their lines. ${EACH}` })
  syncInvoices(@Ctx() ctx: Context, @Arg('input', () => [InvoiceSyncInput]) input: InvoiceSyncInput[]) {
    requireSyncWriter(ctx);
    return syncInvoices(ctx.em, input);
  }

  @Mutation(() => [SyncResult], { description: "Check-ins and check-outs as the video room saw them; the earliest JOINED and latest LEFT count. Each result's externalId is the session's" })
  recordAttendance(@Ctx() ctx: Context, @Arg('input', () => [AttendanceEventInput]) input: AttendanceEventInput[]) {
    requireSyncWriter(ctx);
    return recordAttendanceBatch(ctx.em, input);
  }
}
