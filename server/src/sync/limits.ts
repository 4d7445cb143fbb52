/** The sync calls carry whole batches (500 sessions are about 200 KB of JSON): they alone get a larger body. */
export const SYNC_OPERATIONS: ReadonlySet<string> = new Set(['syncUsers', 'syncPackages', 'syncSessions', 'syncInvoices', 'recordAttendance', 'importCsv']);
export const SYNC_MAX_BODY_BYTES = 1024 * 1024;
