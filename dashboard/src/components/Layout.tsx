import { A, useNavigate } from '@solidjs/router';
import { For, type JSX } from 'solid-js';
import { LogoutMutation } from '../graphql/account';
import { mutate, resetConnection } from '../lib/client';
import { type Role, signOut, viewer } from '../lib/auth';
import { type MessageKey, t } from '../lib/i18n';
import { ConnectionIndicator } from './ConnectionIndicator';
import { NotificationBell } from './NotificationBell';

const NAV: Record<Role, Array<[href: string, label: MessageKey]>> = {
  COORDINATOR: [['/board', 'nav.board'], ['/admin/escalated', 'nav.escalated'], ['/reports', 'nav.reports'], ['/admin/users', 'nav.users']],
  ADMIN: [['/admin/escalated', 'nav.escalated'], ['/board', 'nav.board'], ['/reports', 'nav.reports'], ['/admin/payouts', 'nav.payouts'], ['/admin/actions', 'nav.actions'], ['/admin/rules', 'nav.rules'], ['/admin/api-keys', 'nav.apiKeys'], ['/admin/users', 'nav.users'], ['/admin/import', 'nav.import']],
  TUTOR: [['/reported-issues', 'nav.reportedIssues'], ['/payouts', 'nav.payouts']],
  PARENT: [['/sessions', 'nav.sessions'], ['/invoices', 'nav.invoices'], ['/my-tickets', 'nav.myTickets']],
  LEARNER: [['/sessions', 'nav.sessions'], ['/invoices', 'nav.invoices'], ['/my-tickets', 'nav.myTickets']],
};

export function Layout(props: { children: JSX.Element }) {
  const navigate = useNavigate();
  // The server ends the token and clears the cookie; signed out here whatever it answers.
  const leave = async () => {
    await mutate(LogoutMutation, {}).catch(() => undefined);
    resetConnection();
    signOut();
    navigate('/login');
  };
  return (
    <div class="app">
      <a class="skip-link" href="#main">{t('layout.skip')}</a>
      <header class="topbar">
        <A class="brand" href="/">Tickets</A>
        <nav aria-label={t('nav.main')}>
          <ul class="nav">
            <For each={NAV[viewer()?.role ?? 'LEARNER']}>
              {([href, label]) => (
                <li>
                  <A href={href} activeClass="active">{t(label)}</A>
                </li>
              )}
            </For>
          </ul>
        </nav>
        <div class="topbar-end">
          <ConnectionIndicator />
          <NotificationBell />
          <A class="who" href="/profile" title={`${t('layout.profile')}: ${viewer()?.email ?? ''}`}>
            {viewer()?.name}
            <span class="role">{t(`role.${viewer()?.role ?? 'LEARNER'}`)}</span>
          </A>
          <button type="button" class="link-button" onClick={leave}>{t('layout.signOut')}</button>
        </div>
      </header>
      <main id="main" tabindex="-1">{props.children}</main>
    </div>
  );
}
