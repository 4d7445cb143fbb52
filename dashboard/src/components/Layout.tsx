import { A, useNavigate } from '@solidjs/router';
import { For, type JSX } from 'solid-js';
import { LogoutMutation } from '../graphql/account';
import { mutate, resetConnection } from '../lib/client';
import { type Role, signOut, viewer } from '../lib/auth';
import { ConnectionIndicator } from './ConnectionIndicator';
import { NotificationBell } from './NotificationBell';

const NAV: Record<Role, Array<[href: string, label: string]>> = {
  COORDINATOR: [['/board', 'Board'], ['/admin/escalated', 'Escalated'], ['/reports', 'Reports']],
  ADMIN: [['/admin/escalated', 'Escalated'], ['/board', 'Board'], ['/reports', 'Reports'], ['/admin/payouts', 'Payouts'], ['/admin/actions', 'Resolution actions'], ['/admin/api-keys', 'API keys']],
  TUTOR: [['/reported-issues', 'Reported Issues'], ['/payouts', 'Payouts']],
  PARENT: [['/sessions', 'Sessions'], ['/invoices', 'Invoices'], ['/my-tickets', 'My tickets']],
  LEARNER: [['/sessions', 'Sessions'], ['/invoices', 'Invoices'], ['/my-tickets', 'My tickets']],
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
      <a class="skip-link" href="#main">Skip to content</a>
      <header class="topbar">
        <A class="brand" href="/">Tickets</A>
        <nav aria-label="Main">
          <ul class="nav">
            <For each={NAV[viewer()?.role ?? 'LEARNER']}>
              {([href, label]) => (
                <li>
                  <A href={href} activeClass="active">{label}</A>
                </li>
              )}
            </For>
          </ul>
        </nav>
        <div class="topbar-end">
          <ConnectionIndicator />
          <NotificationBell />
          <span class="who" title={viewer()?.email}>
            {viewer()?.name}
            <span class="role">{viewer()?.role.toLowerCase()}</span>
          </span>
          <button type="button" class="link-button" onClick={leave}>Sign out</button>
        </div>
      </header>
      <main id="main" tabindex="-1">{props.children}</main>
    </div>
  );
}
