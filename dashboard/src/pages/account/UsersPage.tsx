import { createEffect, createSignal, For, on, Show } from 'solid-js';
import { ErrorNotice } from '../../components/ErrorNotice';
import { type Column, ListTable, LoadMore } from '../../components/ListTable';
import { DeactivateUserMutation, InviteNeverSignedInMutation, InviteUserMutation, ReactivateUserMutation, UsersQuery } from '../../graphql/people';
import type { Role, UsersQuery as UsersResult } from '../../graphql/generated/graphql';
import { type Role as ViewerRole, viewer } from '../../lib/auth';
import { mutate, query } from '../../lib/client';
import { formatDateTime } from '../../lib/format';
import { t } from '../../lib/i18n';
import { createPagedList } from '../../lib/paged-list';
import { createSubmit } from '../../lib/submit';

type Person = UsersResult['users']['edges'][number]['node'];
const ROLES: Role[] = ['LEARNER', 'PARENT', 'TUTOR', 'COORDINATOR', 'ADMIN'] as Role[];
/** The roles each inviter may give (the server's rule, so the form offers only those). */
const INVITABLE: Partial<Record<ViewerRole, Role[]>> = { ADMIN: ROLES, COORDINATOR: ['TUTOR', 'PARENT', 'LEARNER'] as Role[] };

/** Staff's list of people: search, role and state filters, invitations, deactivation (admins). */
export default function UsersPage() {
  const [search, setSearch] = createSignal('');
  const [role, setRole] = createSignal('');
  const [state, setState] = createSignal('');
  const [notice, setNotice] = createSignal('');
  const list = createPagedList<Person>(async (after) => {
    const filter = { search: search().trim() || null, role: (role() || null) as Role | null, active: state() === '' ? null : state() === 'active' };
    const { users } = await query(UsersQuery, { filter, first: 25, after });
    return { nodes: users.edges.map((e) => e.node), endCursor: users.pageInfo.endCursor ?? null, hasNextPage: users.pageInfo.hasNextPage, totalCount: users.totalCount };
  });
  createEffect(on([search, role, state], () => void list.load(null)));
  const isAdmin = () => viewer()?.role === 'ADMIN';
  const invitable = () => INVITABLE[viewer()?.role ?? 'LEARNER'] ?? [];
  const { busy, error, run, onSubmit } = createSubmit();

  const [inviteEmail, setInviteEmail] = createSignal('');
  const [inviteName, setInviteName] = createSignal('');
  const [inviteRole, setInviteRole] = createSignal<Role>('TUTOR' as Role);
  const invite = onSubmit(async () => {
    const { inviteUser } = await mutate(InviteUserMutation, { input: { email: inviteEmail().trim(), name: inviteName().trim(), role: inviteRole() } });
    setNotice(t('users.invited', { email: inviteUser.email }));
    setInviteEmail('');
    setInviteName('');
    await list.load(null);
  });
  const inviteOne = (person: Person) => run(async () => {
    const { inviteUser } = await mutate(InviteUserMutation, { input: { email: person.email ?? '', name: person.name, role: person.role } });
    setNotice(t('users.invited', { email: inviteUser.email }));
  });
  const inviteAll = () => run(async () => {
    const { inviteNeverSignedIn } = await mutate(InviteNeverSignedInMutation, {});
    setNotice(t('users.invitedAll', { count: inviteNeverSignedIn }));
  });
  const setActive = (person: Person, active: boolean) => {
    if (!active && !confirm(t('users.confirmDeactivate', { name: person.name }))) return;
    void run(async () => {
      if (active) await mutate(ReactivateUserMutation, { id: person.id });
      else await mutate(DeactivateUserMutation, { id: person.id });
      list.setItems((items) => items.map((p) => (p.id === person.id ? { ...p, active } : p)));
    });
  };
  const columns = (): Column[] => [t('users.colName'), t('users.colEmail'), t('users.colRole'), t('users.colSignIn'), t('users.colState'), { label: t('users.colActions'), hidden: true }];

  return (
    <section aria-labelledby="users-title">
      <div class="page-head">
        <h1 id="users-title">{t('users.title')}</h1>
        <span class="muted">{t('users.count', { count: list.total() })}</span>
      </div>
      <form class="card inline-form" onSubmit={invite} aria-label={t('users.inviteTitle')}>
        <label>{t('users.name')}<input required value={inviteName()} onInput={(e) => setInviteName(e.currentTarget.value)} /></label>
        <label>{t('users.email')}<input type="email" required value={inviteEmail()} onInput={(e) => setInviteEmail(e.currentTarget.value)} /></label>
        <label>{t('users.role')}
          <select value={inviteRole()} onChange={(e) => setInviteRole(e.currentTarget.value as Role)}>
            <For each={invitable()}>{(r) => <option value={r}>{t(`role.${r}`)}</option>}</For>
          </select>
        </label>
        <button type="submit" class="primary" disabled={busy()}>{t('users.invite')}</button>
        <button type="button" disabled={busy()} onClick={() => void inviteAll()}>{t('users.inviteAll')}</button>
      </form>
      <div class="card inline-form" role="search">
        <label>{t('users.search')}<input type="search" value={search()} onInput={(e) => setSearch(e.currentTarget.value)} /></label>
        <label>{t('users.role')}
          <select value={role()} onChange={(e) => setRole(e.currentTarget.value)}>
            <option value="">{t('users.anyRole')}</option>
            <For each={ROLES}>{(r) => <option value={r}>{t(`role.${r}`)}</option>}</For>
          </select>
        </label>
        <label>{t('users.state')}
          <select value={state()} onChange={(e) => setState(e.currentTarget.value)}>
            <option value="">{t('users.anyState')}</option>
            <option value="active">{t('users.activeOnly')}</option>
            <option value="inactive">{t('users.inactiveOnly')}</option>
          </select>
        </label>
      </div>
      <Show when={notice()}><p class="notice" role="status">{notice()}</p></Show>
      <ErrorNotice error={error()} />
      <ErrorNotice error={list.error()} retry={() => void list.load(null)} />
      <ListTable columns={columns()} each={list.items()} loading={list.loading()} empty={t('users.empty')} testid="users">
        {(person) => (
          <tr classList={{ inactive: !person.active }}>
            <th scope="row" data-label={t('users.colName')}>{person.name}</th>
            <td data-label={t('users.colEmail')}>{person.email}</td>
            <td data-label={t('users.colRole')}>{t(`role.${person.role}`)}</td>
            <td data-label={t('users.colSignIn')}>{person.lastSignInAt ? formatDateTime(person.lastSignInAt) : t('users.never')}</td>
            <td data-label={t('users.colState')}>
              {person.active ? t('users.active') : t('users.deactivated')}
              {person.hasPassword === false ? <span class="muted"> · {t('users.noPassword')}</span> : null}
            </td>
            <td><div class="row-actions">
              <Show when={person.active && person.hasPassword === false && invitable().includes(person.role)}>
                <button type="button" disabled={busy()} onClick={() => void inviteOne(person)}>{t('users.inviteAgain')}</button>
              </Show>
              <Show when={isAdmin() && person.id !== viewer()?.id}>
                <button type="button" class={person.active ? 'danger' : undefined} disabled={busy()} onClick={() => setActive(person, !person.active)}>
                  {person.active ? t('users.deactivate') : t('users.reactivate')}
                </button>
              </Show>
            </div></td>
          </tr>
        )}
      </ListTable>
      <LoadMore list={list} />
    </section>
  );
}
