/** What an API key may be granted. `read` and `write` are shorthands kept for older keys. */
export const SCOPES = ['tickets:read', 'tickets:write', 'sessions:read', 'invoices:read', 'webhooks:manage', 'sync:write', 'ledger:read'] as const;
export type Scope = (typeof SCOPES)[number];
export const API_KEY_SCOPES = [...SCOPES, 'read', 'write'] as const;

/** The scopes a key's granted list stands for: shorthands expanded, and `x:write` includes `x:read`. */
export function expandScopes(granted: readonly string[]): Set<string> {
  const scopes = new Set(granted);
  for (const scope of granted) if (scope.endsWith(':write')) scopes.add(scope.replace(/:write$/, ':read'));
  if (scopes.has('write')) for (const scope of SCOPES) scopes.add(scope);
  if (scopes.has('read')) for (const scope of SCOPES) if (scope.endsWith(':read')) scopes.add(scope);
  return scopes;
}

/** Whether the caller may use `scope`: people (tokens) are not scoped, API keys need it granted. */
export function viewerHasScope(viewer: { apiKeyId?: string; scopes?: string[] }, scope: Scope): boolean {
  return !viewer.apiKeyId || expandScopes(viewer.scopes ?? []).has(scope);
}

/** Only a signed-in person may do this, never an API key (password, sign-out, keys, delivery admin). */
export const PEOPLE_ONLY = 'people-only';
/** Anyone may, keys included, whatever their scopes. */
export const ANY_SCOPE = 'any';
type Requirement = Scope | typeof PEOPLE_ONLY | typeof ANY_SCOPE;

/**
 * The scope each operation needs. An operation missing here is refused to every API key (fail
 * closed); tests/integration/security-authz.test.ts fails until each one is listed.
 */
export const OPERATION_SCOPES: Record<string, Requirement> = {
  // Query
  me: ANY_SCOPE,
  sessions: 'sessions:read', session: 'sessions:read',
  invoices: 'invoices:read', invoice: 'invoices:read',
  tickets: 'tickets:read', ticket: 'tickets:read', ticketEvents: 'tickets:read', resolutionActions: 'tickets:read',
  previewResolution: 'tickets:read', savedViews: 'tickets:read', ticketStats: 'tickets:read',
  notifications: 'tickets:read', unreadNotificationCount: 'tickets:read',
  payouts: 'invoices:read',
  webhookEndpoints: 'webhooks:manage', webhookDeliveries: 'webhooks:manage',
  apiKeys: PEOPLE_ONLY, deliveries: PEOPLE_ONLY, auditLog: PEOPLE_ONLY,
  users: PEOPLE_ONLY, setupNeeded: ANY_SCOPE, singleSignOn: ANY_SCOPE,
  // Mutation
  login: PEOPLE_ONLY, changePassword: PEOPLE_ONLY, logout: PEOPLE_ONLY,
  createApiKey: PEOPLE_ONLY, revokeApiKey: PEOPLE_ONLY, setUserRole: PEOPLE_ONLY, retryDelivery: PEOPLE_ONLY,
  createTelegramLinkCode: PEOPLE_ONLY, updateNotificationPreferences: PEOPLE_ONLY,
  inviteUser: PEOPLE_ONLY, inviteNeverSignedIn: PEOPLE_ONLY, acceptInvitation: PEOPLE_ONLY, createFirstAdmin: PEOPLE_ONLY,
  requestPasswordReset: PEOPLE_ONLY, resetPassword: PEOPLE_ONLY, deactivateUser: PEOPLE_ONLY, reactivateUser: PEOPLE_ONLY,
  updateProfile: PEOPLE_ONLY,
  reportIssue: 'tickets:write', resolveTicket: 'tickets:write', acceptResolution: 'tickets:write',
  escalateTicket: 'tickets:write', assignTicket: 'tickets:write', addTicketComment: 'tickets:write',
  contactTutor: 'tickets:write', markNotificationsRead: 'tickets:write',
  createResolutionAction: 'tickets:write', updateResolutionAction: 'tickets:write',
  mergeTickets: 'tickets:write', splitTicket: 'tickets:write', bulkTicketAction: 'tickets:write',
  setPresence: 'tickets:write', saveView: 'tickets:write', deleteView: 'tickets:write',
  attachEvidence: 'tickets:write', rateTicket: 'tickets:write', cancelSession: 'tickets:write',
  markPayoutsPaid: PEOPLE_ONLY,
  createWebhookEndpoint: 'webhooks:manage', updateWebhookEndpoint: 'webhooks:manage', deleteWebhookEndpoint: 'webhooks:manage',
  rotateWebhookSecret: 'webhooks:manage', redeliverWebhook: 'webhooks:manage',
  syncUsers: 'sync:write', syncPackages: 'sync:write', syncSessions: 'sync:write', syncInvoices: 'sync:write', recordAttendance: 'sync:write',
  ledger: 'ledger:read', importCsv: PEOPLE_ONLY, csvTemplate: PEOPLE_ONLY,
  // Automations, macros, assignment and SLA settings: reading is a ticket read; changing the rules is for people.
  automations: 'tickets:read', automationRuns: 'tickets:read', assignmentPolicy: 'tickets:read', macros: 'tickets:read',
  slaPolicies: 'tickets:read', businessHours: 'tickets:read',
  applyMacro: 'tickets:write', contestResolution: 'tickets:write', markNotificationsSeen: 'tickets:write',
  saveAutomation: PEOPLE_ONLY, deleteAutomation: PEOPLE_ONLY, testAutomation: PEOPLE_ONLY, setAssignmentPolicy: PEOPLE_ONLY,
  saveMacro: PEOPLE_ONLY, deleteMacro: PEOPLE_ONLY, setSlaPolicy: PEOPLE_ONLY, setBusinessHours: PEOPLE_ONLY,
  // Subscription
  ticketChanged: 'tickets:read', notificationAdded: 'tickets:read', presenceChanged: 'tickets:read',
};

/**
 * The scope reading any field of these types needs, wherever they appear (a ticket's sessions
 * need sessions:read, a session's invoice lines invoices:read). Other types (User, Money, pages)
 * need nothing beyond the operation's own scope.
 */
export const TYPE_SCOPES: Record<string, Scope> = {
  Ticket: 'tickets:read', TicketEvent: 'tickets:read', IssueLog: 'tickets:read', Resolution: 'tickets:read',
  ResolutionAction: 'tickets:read', Notification: 'tickets:read', TicketCapabilities: 'tickets:read',
  ResolutionPreview: 'tickets:read', SavedView: 'tickets:read', TicketStats: 'tickets:read', Attachment: 'tickets:read',
  Session: 'sessions:read', Attendance: 'sessions:read', SessionEvidence: 'sessions:read',
  Invoice: 'invoices:read', InvoiceLine: 'invoices:read', CreditNote: 'invoices:read', PreviewLine: 'invoices:read', Payout: 'invoices:read',
  LedgerEntry: 'ledger:read',
  WebhookEndpoint: 'webhooks:manage', WebhookDelivery: 'webhooks:manage', CreatedWebhookEndpoint: 'webhooks:manage',
};
