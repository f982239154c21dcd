import { Component, ErrorInfo, lazy, ReactNode, Suspense } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Link, NavLink, Outlet, Route, Routes, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { csrfToken } from './api';
import { Announcer } from './components/Announcer';
import { NotificationBell } from './components/NotificationBell';
import { ErrorState, Loading } from './components/QueryState';
import { LANGUAGES, setLanguage } from './i18n';
import { Dashboard } from './pages/Dashboard';
import { displayName, useMe } from './queries';

export { displayName };

// Every screen but the first is loaded when first visited (Chart.js stays out of the first chunk).
const Members = lazy(() => import('./pages/Members').then((m) => ({ default: m.MembersPage })));
const MemberProfile = lazy(() => import('./pages/MemberProfile').then((m) => ({ default: m.MemberProfilePage })));
const Transactions = lazy(() => import('./pages/Transactions').then((m) => ({ default: m.TransactionsPage })));
const Categories = lazy(() => import('./pages/Categories').then((m) => ({ default: m.CategoriesPage })));
const Reports = lazy(() => import('./pages/Reports').then((m) => ({ default: m.ReportsPage })));
const ReportView = lazy(() => import('./pages/ReportView').then((m) => ({ default: m.ReportViewPage })));
const Admin = lazy(() => import('./pages/Admin').then((m) => ({ default: m.AdminPage })));
const NotFound = lazy(() => import('./pages/NotFound').then((m) => ({ default: m.NotFoundPage })));

export function App() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<Dashboard />} />
        <Route path="members" element={<Members />} />
        <Route path="members/:id" element={<MemberProfile />} />
        <Route path="transactions" element={<Transactions />} />
        <Route path="categories" element={<Categories />} />
        <Route path="reports" element={<Reports />} />
        <Route path="reports/:id" element={<ReportView />} />
        <Route path="admin" element={<Admin />} />
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}

const NAV = [
  { to: '/', key: 'nav.dashboard', testId: 'nav-dashboard' },
  { to: '/members', key: 'nav.members', testId: 'nav-members' },
  { to: '/transactions', key: 'nav.transactions', testId: 'nav-transactions' },
  { to: '/categories', key: 'nav.categories', testId: 'nav-categories' },
  { to: '/reports', key: 'nav.reports', testId: 'nav-reports' },
  { to: '/admin', key: 'nav.admin', testId: 'nav-admin' },
] as const;

export function Layout() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const location = useLocation();
  const queryClient = useQueryClient();

  return (
    <div className="app">
      <a href="#main" className="skip-link">
        {t('app.skip')}
      </a>
      <header className="topbar">
        <h1 className="brand">
          <Link to="/">Finance Tracker</Link>
        </h1>
        <div className="tools">
          <label className="language">
            <span className="visually-hidden">{t('app.language')}</span>
            <select
              value={i18n.language}
              onChange={(e) => {
                setLanguage(e.target.value);
                // Notification messages are written by the service in the language asked for.
                void queryClient.invalidateQueries({ queryKey: ['notifications'] });
              }}
              data-testid="language-switch"
            >
              {LANGUAGES.map((l) => (
                <option key={l.code} value={l.code} lang={l.code}>
                  {l.label}
                </option>
              ))}
            </select>
          </label>
          {me.data && <NotificationBell />}
          {me.data && (
            <form
              method="post"
              action="/logout"
              className="signout"
              // The token is read again at the last moment, in case the gateway renewed the cookie meanwhile.
              onSubmit={(e) => {
                const field = e.currentTarget.elements.namedItem('_csrf');
                if (field instanceof HTMLInputElement) field.value = csrfToken() ?? '';
              }}
            >
              <input type="hidden" name="_csrf" value={csrfToken() ?? ''} />
              <span className="who" data-testid="current-user">
                {displayName(me.data)}
              </span>
              <button type="submit" data-testid="sign-out">{t('app.signOut')}</button>
            </form>
          )}
        </div>
      </header>
      {me.data && (
        <nav className="mainnav" aria-label={t('app.mainNav')}>
          <ul>
            {NAV.map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} end={item.to === '/'} data-testid={item.testId}>
                  {t(item.key)}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <main id="main" tabIndex={-1}>
        {me.isPending && <Loading />}
        {me.isError && !me.data && (
          <>
            <p>{t('app.cannotReach')}</p>
            <ErrorState error={me.error} onRetry={() => void me.refetch()} />
          </>
        )}
        {me.data && (
          <ScreenBoundary key={location.pathname}>
            <Suspense fallback={<Loading />}>
              <Outlet />
            </Suspense>
          </ScreenBoundary>
        )}
      </main>
      <Announcer />
    </div>
  );
}

/** A screen that fails to render (or whose code cannot be loaded after a new release) shows a way out. */
class ScreenBoundary extends Component<{ children: ReactNode }, { error: unknown }> {
  state = { error: null as unknown };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error('Screen failed', error, info.componentStack);
  }

  render() {
    if (this.state.error) return <ScreenFailed />;
    return this.props.children;
  }
}

function ScreenFailed() {
  const { t } = useTranslation();
  return (
    <div role="alert" className="error-state" data-testid="error-state">
      <p>{t('errors.screen')}</p>
      <button type="button" onClick={() => window.location.reload()} data-testid="retry">
        {t('common.retry')}
      </button>
    </div>
  );
}
