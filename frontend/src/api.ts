/** Calls the gateway's API with the browser session; the access token never reaches the browser. */
import { currentEntity, ENTITY_HEADER } from './entity';
import type { Problem } from './model';
import { isLeaving, sessionEnded } from './session';

export { LOGIN_PATH, session } from './session';

/** One field's message in a 400 problem. */
export type FieldError = NonNullable<Problem['errors']>[number];

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
    readonly problem: Problem = {},
  ) {
    super(detail);
  }

  /** The per-field messages of a 400 (empty otherwise). */
  get fieldErrors(): FieldError[] {
    // A problem from elsewhere (a proxy, the gateway) may have no or other errors: only what has the shape counts.
    const errors: unknown[] = Array.isArray(this.problem.errors) ? this.problem.errors : [];
    return errors.filter(
      (error): error is FieldError =>
        typeof (error as FieldError | null)?.field === 'string' && typeof (error as FieldError).message === 'string',
    );
  }

  /** A service or the network is down for now: worth a retry. */
  get unavailable(): boolean {
    return this.status === 0 || this.status === 502 || this.status === 503 || this.status === 504;
  }
}

/** The CSRF token the gateway set in the XSRF-TOKEN cookie; echoed on every state-changing request. */
export function csrfToken(cookies: string = document.cookie): string | undefined {
  const match = cookies.split('; ').find((c) => c.startsWith('XSRF-TOKEN='));
  return match ? decodeURIComponent(match.substring('XSRF-TOKEN='.length)) : undefined;
}

export interface ApiInit extends RequestInit {
  /**
   * The entity the call acts in (`X-Entity`); by default the console's current one. `null` names none: the list of
   * the account's entities is asked for before any is chosen, and a stale choice must not get it refused.
   */
  entity?: string | null;
}

export async function api<T>(path: string, { entity = currentEntity(), ...init }: ApiInit = {}): Promise<T> {
  const headers = new Headers(init.headers);
  headers.set('Accept', 'application/json');
  if (entity) headers.set(ENTITY_HEADER, entity);
  // Texts made by the services (e.g. notification messages) come in the console's language.
  const language = typeof document !== 'undefined' ? document.documentElement.lang : '';
  if (language) headers.set('Accept-Language', language);
  const method = (init.method ?? 'GET').toUpperCase();
  if (method !== 'GET' && method !== 'HEAD') {
    const token = csrfToken();
    if (token) headers.set('X-XSRF-TOKEN', token);
  }
  let response: Response;
  try {
    response = await fetch(path, { ...init, headers, credentials: 'same-origin' });
  } catch {
    // The browser cuts calls off while the page goes away; that is not "the server cannot be reached".
    if (isLeaving()) return pending();
    throw new ApiError(0, 'The network is unreachable.');
  }
  if (response.status === 401 || leftOrigin(response)) {
    // The session ended, expired or was revoked: back through the sign-in to this same screen.
    sessionEnded();
    // While the page is being left, the screens keep what they show instead of flashing an error.
    if (isLeaving()) return pending();
    throw new ApiError(401, 'Signed out');
  }
  if (!response.ok) {
    let detail = response.statusText;
    let problem: Problem = {};
    try {
      problem = ((await response.json()) as Problem | null) ?? {};
      detail = problem.detail ?? problem.title ?? detail;
    } catch {
      /* not a problem document */
    }
    throw new ApiError(response.status, detail || `HTTP ${response.status}`, problem);
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** A redirect to another origin (e.g. a sign-in page) is what a call without a valid session ran into. */
function leftOrigin(response: Response): boolean {
  if (response.type === 'opaqueredirect') return true;
  if (!response.redirected || !response.url) return false;
  try {
    return new URL(response.url).origin !== window.location.origin;
  } catch {
    return true;
  }
}

/** A call that never settles: the page is going away. */
function pending<T>(): Promise<T> {
  return new Promise<T>(() => undefined);
}

/** A state-changing call with a JSON body. */
export function send<T>(method: 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<T> {
  return api<T>(path, {
    method,
    headers: body === undefined ? undefined : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/** `?a=1&b=x` from the given values, leaving out empty ones. */
export function query(params: Record<string, string | number | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
