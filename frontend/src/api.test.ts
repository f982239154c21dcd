import { api, ApiError, csrfToken, query, send, session } from './api';
import { displayName } from './App';
import { json, mockFetch } from './test/utils';

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

  it('turns a 400 problem into an error with its field errors', async () => {
    mockFetch(() =>
      json({ type: 'about:blank', title: 'Bad Request', status: 400, detail: 'Invalid fields', errors: [{ field: 'amount', message: 'must be greater than 0' }] }, 400),
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

  it('sends the browser back to the login on a 401', async () => {
    const login = vi.spyOn(session, 'login').mockImplementation(() => undefined);
    mockFetch(() => json({ status: 401 }, 401));
    await expect(api('/api/me')).rejects.toMatchObject({ status: 401 });
    expect(login).toHaveBeenCalledOnce();
  });

  it('reports a network failure as status 0', async () => {
    vi.stubGlobal('fetch', vi.fn(() => Promise.reject(new TypeError('Failed to fetch'))));
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
