import { Navigate, Route, Router, type RouteSectionProps } from '@solidjs/router';
import { type Component, lazy, Show } from 'solid-js';
import { render } from 'solid-js/web';
import { Layout } from './components/Layout';
import { homeFor, type Role, viewer } from './lib/auth';
import { t } from './lib/i18n';
import { LoginPage } from './pages/LoginPage';
import './styles.css';

// Each page is its own chunk: a parent never downloads the coordinator's board.
const BoardPage = lazy(() => import('./board/BoardPage'));
const TicketPage = lazy(() => import('./pages/ticket/TicketPage'));
const ReportedIssuesPage = lazy(() => import('./pages/tutor/ReportedIssuesPage'));
const SessionsPage = lazy(() => import('./pages/family/SessionsPage'));
const InvoicesPage = lazy(() => import('./pages/family/InvoicesPage'));
const InvoicePage = lazy(() => import('./pages/family/InvoicePage'));
const MyTicketsPage = lazy(() => import('./pages/family/MyTicketsPage'));
const NotificationsPage = lazy(() => import('./pages/NotificationsPage'));
const ResolutionActionsPage = lazy(() => import('./pages/admin/ResolutionActionsPage'));
const EscalatedPage = lazy(() => import('./pages/admin/EscalatedPage'));
const ApiKeysPage = lazy(() => import('./pages/admin/ApiKeysPage'));
const RulesPage = lazy(() => import('./pages/admin/RulesPage'));
const TutorPayoutsPage = lazy(() => import('./pages/payouts/TutorPayoutsPage'));
const AdminPayoutsPage = lazy(() => import('./pages/payouts/AdminPayoutsPage'));
const ReportsPage = lazy(() => import('./pages/desk/ReportsPage'));
const CsvImportPage = lazy(() => import('./pages/admin/CsvImportPage'));
const ForgotPasswordPage = lazy(() => import('./pages/account/ForgotPasswordPage'));
const ResetPasswordPage = lazy(() => import('./pages/account/ResetPasswordPage'));
const InvitePage = lazy(() => import('./pages/account/InvitePage'));
const SetupPage = lazy(() => import('./pages/account/SetupPage'));
const UsersPage = lazy(() => import('./pages/account/UsersPage'));
const ProfilePage = lazy(() => import('./pages/account/ProfilePage'));

/** Signed-in pages: the login page for strangers, a polite refusal for the wrong role. */
function guarded(Page: Component<RouteSectionProps>, roles?: Role[]) {
  return (props: RouteSectionProps) => (
    <Show when={viewer()} fallback={<Navigate href={`/login?next=${encodeURIComponent(props.location.pathname + props.location.search)}`} />}>
      {(user) => (
        <Layout>
          <Show when={!roles || roles.includes(user().role)} fallback={<p class="notice">{t('layout.wrongRole')}</p>}>
            <Page {...props} />
          </Show>
        </Layout>
      )}
    </Show>
  );
}

const STAFF: Role[] = ['COORDINATOR', 'ADMIN'];
const FAMILY: Role[] = ['PARENT', 'LEARNER'];

function Home() {
  const user = viewer();
  return <Navigate href={user ? homeFor(user.role) : '/login'} />;
}

render(
  () => (
    <Router>
      <Route path="/" component={Home} />
      <Route path="/login" component={LoginPage} />
      <Route path="/forgot" component={ForgotPasswordPage} />
      <Route path="/reset/:token" component={ResetPasswordPage} />
      <Route path="/invite/:token" component={InvitePage} />
      <Route path="/setup" component={SetupPage} />
      <Route path="/admin/users" component={guarded(UsersPage, STAFF)} />
      <Route path="/profile" component={guarded(ProfilePage)} />
      <Route path="/board" component={guarded(BoardPage, STAFF)} />
      <Route path="/tickets/:id" component={guarded(TicketPage)} />
      <Route path="/reported-issues" component={guarded(ReportedIssuesPage, ['TUTOR'])} />
      <Route path="/sessions" component={guarded(SessionsPage, FAMILY)} />
      <Route path="/invoices" component={guarded(InvoicesPage, FAMILY)} />
      <Route path="/invoices/:id" component={guarded(InvoicePage, FAMILY)} />
      <Route path="/my-tickets" component={guarded(MyTicketsPage, FAMILY)} />
      <Route path="/notifications" component={guarded(NotificationsPage)} />
      <Route path="/admin/actions" component={guarded(ResolutionActionsPage, ['ADMIN'])} />
      <Route path="/admin/rules" component={guarded(RulesPage, ['ADMIN'])} />
      <Route path="/admin/escalated" component={guarded(EscalatedPage, STAFF)} />
      <Route path="/reports" component={guarded(ReportsPage, STAFF)} />
      <Route path="/admin/api-keys" component={guarded(ApiKeysPage, ['ADMIN'])} />
      <Route path="/admin/import" component={guarded(CsvImportPage, ['ADMIN'])} />
      <Route path="/payouts" component={guarded(TutorPayoutsPage, ['TUTOR'])} />
      <Route path="/admin/payouts" component={guarded(AdminPayoutsPage, ['ADMIN'])} />
      <Route path="*" component={() => <p class="notice">{t('layout.notFound')} <a href="/">{t('layout.goHome')}</a></p>} />
    </Router>
  ),
  document.getElementById('root')!,
);
