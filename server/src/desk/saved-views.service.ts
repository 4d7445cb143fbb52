import type { EntityManager } from '@mikro-orm/postgresql';
import { User } from '../auth/user.entity';
import type { Viewer } from '../auth/viewer';
import { badInput, conflict, forbidden, notFound } from '../errors';
import type { TicketFilter } from '../tickets/ticket-filter.input';
import { type SavedFilter, SavedView } from './saved-view.entity';

const MAX_NAME = 80;

export interface SaveViewInput {
  id?: string | null;
  name: string;
  filter: TicketFilter;
  shared?: boolean | null;
}

/** Only what a view keeps (no date range: a view is "what is on the board now"). */
function storedFilter(filter: TicketFilter): SavedFilter {
  const kept: SavedFilter = {
    status: filter.status?.length ? filter.status : undefined,
    type: filter.type ?? undefined,
    category: filter.category ?? undefined,
    tutorId: filter.tutorId ?? undefined,
    assigneeId: filter.assigneeId ?? undefined,
    reporterId: filter.reporterId ?? undefined,
    search: filter.search?.trim() ? filter.search.trim().slice(0, 200) : undefined,
    sla: filter.sla?.length ? filter.sla : undefined,
  };
  return JSON.parse(JSON.stringify(kept)) as SavedFilter;
}

/** The caller's own views and every shared one, shared ones of others last, by name. */
export async function listSavedViews(em: EntityManager, viewer: Viewer): Promise<SavedView[]> {
  const views = await em.find(SavedView, { $or: [{ owner: viewer.id }, { shared: true }] }, { orderBy: { name: 'asc', id: 'asc' } });
  const own = (view: SavedView) => (view.owner.id === viewer.id ? 0 : 1);
  return views.sort((a, b) => own(a) - own(b));
}

/** Creates a view, or updates the caller's own when `id` is given. */
export async function saveView(em: EntityManager, viewer: Viewer, input: SaveViewInput): Promise<SavedView> {
  const name = input.name.trim();
  if (!name) throw badInput('name', 'name must not be empty');
  if (name.length > MAX_NAME) throw badInput('name', `name must be at most ${MAX_NAME} characters`);
  const view = input.id ? await ownView(em, viewer, input.id) : Object.assign(new SavedView(), { owner: em.getReference(User, viewer.id) });
  const clash = await em.findOne(SavedView, { owner: viewer.id, id: { $ne: view.id }, name: { $ilike: name.replace(/[\\%_]/g, (c) => `\\${c}`) } });
  if (clash) throw conflict(`You already have a view named "${clash.name}"`);
  Object.assign(view, { name, filter: storedFilter(input.filter), shared: input.shared ?? view.shared });
  await em.persistAndFlush(view);
  return view;
}

export async function deleteView(em: EntityManager, viewer: Viewer, id: string): Promise<boolean> {
  const view = await ownView(em, viewer, id);
  await em.removeAndFlush(view);
  return true;
}

/** Another's shared view can be used, not changed; another's private one does not exist for the caller. */
async function ownView(em: EntityManager, viewer: Viewer, id: string): Promise<SavedView> {
  const view = await em.findOne(SavedView, { id });
  if (!view || (view.owner.id !== viewer.id && !view.shared)) throw notFound('Saved view');
  if (view.owner.id !== viewer.id) throw forbidden('Only its owner may change a saved view');
  return view;
}
