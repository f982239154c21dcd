import { Component, ErrorInfo, lazy, ReactNode, Suspense, useEffect, useRef } from 'react';
import { Link, NavLink, Outlet, Route, Routes, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from './api';
import { Announcer } from './components/Announcer';
import { EntitySwitcher } from './components/EntitySwitcher';
import { NotificationBell } from './components/NotificationBell';
import { ErrorState, Loading } from './components/QueryState';
import { SignOutForm } from './components/SignOutForm';
import { isLanguage, LANGUAGES } from './i18n';
import { Dashboard } from './pages/Dashboard';
import { useCurrentEntity } from './entity';
import type { Me } from './model';
import { displayName, isPlatformAdmin, isSuperAdmin, useChooseLanguage, useEntities, useMe } from './queries';
import { LOGIN_PATH, useSignedOut } from './session';

export { displayName };

// Every screen but the first is loaded when first visited (Chart.js stays out of the first chunk).
const Members = lazy(() => import('./pages/Members').then((m) => ({ default: m.MembersPage })));
const MemberProfile = lazy(() => import('./pages/MemberProfile').then((m) => ({ default: m.MemberProfilePage })));
const Transactions = lazy(() => import('./pages/Transactions').then((m) => ({ default: m.TransactionsPage })));
const Categories = lazy(() => import('./pages/Categories').then((m) => ({ default: m.CategoriesPage })));
const Reports = lazy(() => import('./pages/Reports').then((m) => ({ default: m.ReportsPage })));
const ReportView = lazy(() => import('./pages/ReportView').then((m) => ({ default: m.ReportViewPage })));
const Admin = lazy(() => import('./pages/Admin').then((m) => ({ default: m.AdminPage })));
const EntitySettings = lazy(() => import('./pages/EntitySettings').then((m) => ({ default: m.EntitySettingsPage })));
const Organisations = lazy(() => import('./pages/Organisations').then((m) => ({ default: m.OrganisationsPage })));
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
        <Route path="settings" element={<EntitySettings />} />
        <Route path="organisations" element={<Organisations />} />
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}

const everyone = () => true;
const NAV = [
  { to: '/', key: 'nav.dashboard', testId: 'nav-dashboard', shown: everyone },
  { to: '/members', key: 'nav.members', testId: 'nav-members', shown: everyone },
  { to: '/transactions', key: 'nav.transactions', testId: 'nav-transactions', shown: everyone },
  { to: '/categories', key: 'nav.categories', testId: 'nav-categories', shown: everyone },
  { to: '/reports', key: 'nav.reports', testId: 'nav-reports', shown: everyone },
  { to: '/admin', key: 'nav.admin', testId: 'nav-admin', shown: everyone },
  { to: '/settings', key: 'nav.settings', testId: 'nav-settings', shown: isSuperAdmin },
  { to: '/organisations', key: 'nav.organisations', testId: 'nav-organisations', shown: isPlatformAdmin },
] as const;

export function Layout() {
  const { t, i18n } = useTranslation();
  // The entities come first: they settle the entity every other call (the profile included) acts in.
  const entities = useEntities();
  const entityId = useCurrentEntity();
  const me = useMe({ enabled: entities.data !== undefined });
  const location = useLocation();
  const chooseLanguage = useChooseLanguage();
  const signedOut = useSignedOut();
  // Whatever was loaded before, a session that could not be renewed shows nothing of the console.
  const signedIn = !!me.data && !!entities.data && !signedOut;
  const entity = entities.data?.find((e) => e.id === entityId);
  const failure = entities.isError && !entities.data ? entities.error : me.isError && !me.data ? me.error : null;
  // A 401 is the session, not the server: the console is on its way to the sign-in (or shows signedOut).
  const failed = !!failure && !signedOut && !(failure instanceof ApiError && failure.status === 401);
  const retry = () => void (entities.isError ? entities.refetch() : me.refetch());
  // On a phone the tabs scroll sideways: the current one stays in sight.
  useEffect(() => {
    document.querySelector('.mainnav a.active')?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
  }, [location.pathname, signedIn]);

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
                if (isLanguage(e.target.value)) chooseLanguage(e.target.value);
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
          {signedIn && entity && <EntitySwitcher entities={entities.data} current={entity} />}
          {signedIn && entity && <NotificationBell />}
          {signedIn && (
            <SignOutForm className="signout">
              <span className="who" data-testid="current-user">
                {displayName(me.data)}
              </span>
            </SignOutForm>
          )}
        </div>
      </header>
      {signedIn && entity && (
        <nav className="mainnav" aria-label={t('app.mainNav')}>
          <ul>
            {NAV.filter((item) => item.shown(me.data)).map((item) => (
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
        {signedOut && <SignedOut />}
        {(entities.isPending || me.isPending) && !signedOut && !failed && <Loading />}
        {failed && (
          <>
            {failure instanceof ApiError && failure.unavailable && <p>{t('app.cannotReach')}</p>}
            {/* Retry, or leave: signing out is also the way to sign in as someone else. */}
            <ErrorState error={failure} onRetry={retry} actions={<SignOutForm />} />
          </>
        )}
        {signedIn && !entity && <NoEntity me={me.data} />}
        {signedIn && entity && (
          // A screen starts afresh in another entity: nothing it held belongs there.
          <ScreenBoundary key={`${entity.id} ${location.pathname}`}>
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

/**
 * The sign-in round trip did not bring a session back (see session.ts): rather than loop, the console stops here
 * and lets the person sign in again by hand.
 */
function SignedOut() {
  const { t } = useTranslation();
  const title = useRef<HTMLHeadingElement>(null);
  // The screen replaced what was there: a screen reader starts reading here.
  useEffect(() => title.current?.focus(), []);
  return (
    <section className="panel signed-out" data-testid="signed-out" aria-labelledby="signed-out-title">
      <h2 id="signed-out-title" ref={title} tabIndex={-1}>
        {t('session.ended')}
      </h2>
      <p>{t('session.hint')}</p>
      <p>
        <a className="button primary" href={LOGIN_PATH} data-testid="sign-in">
          {t('session.signIn')}
        </a>
      </p>
    </section>
  );
}

/**
 * The account belongs to no entity (yet): nothing of the console applies, and asking again would not change it. The
 * operator of the deployment can still create organisations from here.
 */
function NoEntity({ me }: { me: Me }) {
  const { t } = useTranslation();
  const title = useRef<HTMLHeadingElement>(null);
  useEffect(() => title.current?.focus(), []);
  return (
    <>
      <section className="panel no-entity" data-testid="no-entity" aria-labelledby="no-entity-title">
        <h2 id="no-entity-title" ref={title} tabIndex={-1}>
          {t('entity.none')}
        </h2>
        <p>{t('entity.noneHint')}</p>
      </section>
      {isPlatformAdmin(me) && (
        <ScreenBoundary>
          <Suspense fallback={<Loading />}>
            <Organisations />
          </Suspense>
        </ScreenBoundary>
      )}
    </>
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
