import { api, ApiError, csrfToken, query, send, session } from './api';
import { displayName } from './App';
import { chooseEntity, ENTITY_KEY, switchEntity } from './entity';
import { LOOP_WINDOW_MS, RETURN_KEY } from './session';
import { json, mockFetch, requestUrl } from './test/utils';

describe('csrfToken', () => {
  it('reads the XSRF-TOKEN cookie among others', () => {
    expect(csrfToken('SESSION=abc; XSRF-TOKEN=a%2Fb; lang=fr')).toBe('a/b');
  });
  it('is undefined without the cookie', () => {
    expect(csrfToken('SESSION=abc')).toBeUndefined();
  });
});

describe('displayName', () => {
  it('joins first and last name', () => {
    expect(displayName({ firstName: 'Default', lastName: 'Admin', username: 'admin' })).toBe('Default Admin');
  });
  it('falls back to the username', () => {
    expect(displayName({ firstName: '', lastName: '', username: 'admin' })).toBe('admin');
  });
});

/** The error a call fails with (the test fails if it succeeds). */
function failure(call: Promise<unknown>): Promise<ApiError> {
  return call.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (e: ApiError) => e,
  );
}

describe('api', () => {
  afterEach(() => {
    document.cookie = 'XSRF-TOKEN=; expires=Thu, 01 Jan 1970 00:00:00 GMT';
  });

  it('echoes the CSRF cookie on a state-changing call, not on a read', async () => {
    document.cookie = 'XSRF-TOKEN=tok123';
    const fetch = mockFetch(() => json({ ok: true }));
    await api('/api/users');
    await send('POST', '/api/users', { firstName: 'A' });
    const [, getInit] = fetch.mock.calls[0];
    const [, postInit] = fetch.mock.calls[1];
    expect(new Headers(getInit!.headers).get('X-XSRF-TOKEN')).toBeNull();
    expect(new Headers(postInit!.headers).get('X-XSRF-TOKEN')).toBe('tok123');
    expect(new Headers(postInit!.headers).get('Content-Type')).toBe('application/json');
    expect(postInit!.credentials).toBe('same-origin');
    expect(postInit!.body).toBe('{"firstName":"A"}');
  });

  it('names the chosen entity in X-Entity on every call, and none when asking for the list of entities', async () => {
    const fetch = mockFetch(() => json({ ok: true }));
    const entityOf = (call: number) => new Headers(fetch.mock.calls[call][1]!.headers).get('X-Entity');
    await api('/api/users');
    expect(entityOf(0)).toBeNull();

    switchEntity('unit-b');
    await api('/api/users');
    await send('POST', '/api/users', { firstName: 'A' });
    await api('/api/entities', { entity: null });
    expect([entityOf(1), entityOf(2), entityOf(3)]).toEqual(['unit-b', 'unit-b', null]);
    expect(localStorage.getItem(ENTITY_KEY)).toBe('unit-b');
  });

  it('starts in the entity last chosen if the account still belongs to it, else in its first', () => {
    localStorage.setItem(ENTITY_KEY, 'unit-b');
    expect(chooseEntity([{ id: 'unit-a' }, { id: 'unit-b' }])).toBe('unit-b');
    expect(chooseEntity([{ id: 'unit-c' }, { id: 'unit-d' }])).toBe('unit-c');
    expect(chooseEntity([])).toBeNull();
  });

  it('turns a 400 problem into an error with its field errors', async () => {
    mockFetch(() =>
      json(
        {
          type: 'about:blank',
          title: 'Bad Request',
          status: 400,
          detail: 'Invalid fields',
          errors: [{ field: 'amount', message: 'must be greater than 0' }],
        },
        400,
      ),
    );
    const error = await failure(api('/api/transactions'));
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(400);
    expect(error.detail).toBe('Invalid fields');
    expect(error.fieldErrors).toEqual([{ field: 'amount', message: 'must be greater than 0' }]);
  });

  it('marks a 503 as a service that is unavailable for now', async () => {
    mockFetch(() => json({ status: 503, title: 'Service Unavailable', detail: 'user-service is not answering' }, 503));
    const error = await failure(api('/api/users'));
    expect(error.status).toBe(503);
    expect(error.unavailable).toBe(true);
    expect(error.detail).toBe('user-service is not answering');
  });

  it('keeps the status text when the error body is not a problem document', async () => {
    mockFetch(() => new Response('<html>oops</html>', { status: 502, statusText: 'Bad Gateway' }));
    const error = await failure(api('/api/users'));
    expect(error.status).toBe(502);
    expect(error.detail).toBe('Bad Gateway');
    expect(error.fieldErrors).toEqual([]);
  });

  it('goes through the sign-in back to the same address on a 401, once for many failing calls', async () => {
    window.history.replaceState(null, '', '/members/u1?page=2#main');
    const fetch = mockFetch((url) =>
      url.pathname === '/api/ok' ? json({ ok: true }) : json({ status: 401, title: 'Unauthorized' }, 401),
    );
    let settled = 0;
    const count = () => void settled++;
    for (const call of [api('/api/me'), api('/api/users'), send('PUT', '/api/users/u1', { firstName: 'A' })])
      call.then(count, count);
    await vi.waitFor(() => expect(session.assign).toHaveBeenCalled());
    // A call answered after all three 401s: by then each of them has been handled.
    await expect(api('/api/ok')).resolves.toEqual({ ok: true });
    expect(fetch).toHaveBeenCalledTimes(4);
    expect(session.assign).toHaveBeenCalledOnce();
    // The fragment stays out: an address differing only by it would not load the page again.
    expect(session.assign).toHaveBeenCalledWith('/members/u1?page=2');
    // The page is going away: the calls show nothing rather than an error (nor the signed-out screen).
    expect(settled).toBe(0);
    expect(Number(sessionStorage.getItem(RETURN_KEY))).toBeGreaterThan(Date.now() - LOOP_WINDOW_MS);
  });

  it('does not go round again on a 401 right after coming back from the sign-in', async () => {
    sessionStorage.setItem(RETURN_KEY, String(Date.now() - 1500));
    mockFetch(() => json({ status: 401 }, 401));
    await expect(api('/api/me')).rejects.toMatchObject({ status: 401 });
    await expect(api('/api/users')).rejects.toMatchObject({ status: 401 });
    expect(session.assign).not.toHaveBeenCalled();
  });

  it('goes through the sign-in again when the last trip is long past', async () => {
    sessionStorage.setItem(RETURN_KEY, String(Date.now() - 60_000));
    mockFetch(() => json({ status: 401 }, 401));
    void api('/api/me');
    await vi.waitFor(() => expect(session.assign).toHaveBeenCalledOnce());
  });

  it('takes a redirect to another origin (a sign-in page) for a 401, not one on this origin', async () => {
    const redirected = (url: string) => {
      const response = json({ ok: true });
      Object.defineProperty(response, 'redirected', { value: true });
      Object.defineProperty(response, 'url', { value: url });
      return response;
    };
    mockFetch((url) =>
      url.pathname === '/api/here'
        ? redirected(`${window.location.origin}/api/here/`)
        : redirected('https://sso.example.org/realms/ft/auth'),
    );
    await expect(api('/api/here')).resolves.toEqual({ ok: true });
    expect(session.assign).not.toHaveBeenCalled();
    void api('/api/away');
    await vi.waitFor(() => expect(session.assign).toHaveBeenCalledOnce());
  });

  it('takes an opaque redirect for a 401', async () => {
    mockFetch(() => {
      const response = new Response(null, { status: 200 });
      Object.defineProperty(response, 'type', { value: 'opaqueredirect' });
      return response;
    });
    void api('/api/me');
    await vi.waitFor(() => expect(session.assign).toHaveBeenCalledOnce());
  });

  it('shows nothing for a call cut off while the page is going away', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn((input: RequestInfo | URL) =>
        requestUrl(input) === '/api/ok'
          ? Promise.resolve(json({ ok: true }))
          : Promise.reject(new TypeError('Failed to fetch')),
      ),
    );
    window.dispatchEvent(new Event('pagehide'));
    let settled = false;
    api('/api/me').then(
      () => (settled = true),
      () => (settled = true),
    );
    // Answered later than the cut-off call would have failed.
    await api('/api/ok');
    expect(settled).toBe(false);
    window.dispatchEvent(new Event('pageshow'));
    await expect(api('/api/me')).rejects.toMatchObject({ status: 0 });
  });

  it('reports a network failure as status 0', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.reject(new TypeError('Failed to fetch'))),
    );
    await expect(api('/api/me')).rejects.toMatchObject({ status: 0, unavailable: true });
  });

  it('answers nothing for 204', async () => {
    mockFetch(() => json(null, 204));
    await expect(send('DELETE', '/api/users/1')).resolves.toBeUndefined();
  });

  it('asks for texts in the console language', async () => {
    document.documentElement.lang = 'fr';
    const fetch = mockFetch(() => json({}));
    await api('/api/notifications');
    expect(new Headers(fetch.mock.calls[0][1]!.headers).get('Accept-Language')).toBe('fr');
    document.documentElement.lang = 'en';
  });

  it('builds query strings without empty values', () => {
    expect(query({ q: 'a b', page: 0, type: undefined, from: '' })).toBe('?q=a+b&page=0');
    expect(query({})).toBe('');
  });
});
