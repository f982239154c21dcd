import { useEffect, useState } from 'react';
import { api, ApiError, csrfToken, Me } from './api';

export function displayName(me: Pick<Me, 'firstName' | 'lastName' | 'username'>): string {
  const name = [me.firstName, me.lastName].filter(Boolean).join(' ');
  return name || me.username;
}

export function App() {
  const [me, setMe] = useState<Me | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    setError(null);
    api<Me>('/api/me')
      .then(setMe)
      .catch((e: ApiError) => setError(e.detail));
  }, [attempt]);

  return (
    <div className="app">
      <header className="topbar">
        <h1>Finance Tracker</h1>
        {me && (
          <form method="post" action="/logout">
            <input type="hidden" name="_csrf" value={csrfToken() ?? ''} />
            <span className="who" data-testid="current-user">{displayName(me)}</span>
            <button type="submit">Sign out</button>
          </form>
        )}
      </header>
      <main>
        {!me && !error && <p role="status">Loading…</p>}
        {error && (
          <div role="alert">
            <p>The console cannot reach its services right now: {error}</p>
            <button onClick={() => setAttempt((n) => n + 1)}>Retry</button>
          </div>
        )}
        {me && (
          <section>
            <h2 data-testid="welcome">Welcome, {displayName(me)}</h2>
            <p>Signed in as {me.username} ({me.roles.includes('super-admin') ? 'super-admin' : 'admin'}).</p>
          </section>
        )}
      </main>
    </div>
  );
}
