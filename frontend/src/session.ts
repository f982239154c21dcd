import { useSyncExternalStore } from 'react';

/**
 * What the console does when the gateway says the browser session is over (a 401 on an API call).
 *
 * It loads the current address again: the gateway answers a page request without a session by going through the
 * Keycloak sign-in and back to that same address (Spring Security's saved request), silently if the Keycloak
 * session still exists. Open forms keep their drafts in sessionStorage (components/useDraft.ts) for the trip.
 * If that round trip does not give a session either (e.g. the browser refuses the cookie), looping would be
 * endless: then the console stops and shows a calm "signed out" screen instead.
 */

export const LOGIN_PATH = '/oauth2/authorization/keycloak';

/** When the console last left for the sign-in (ms since the epoch), in this tab. */
export const RETURN_KEY = 'finance-tracker.signin-left-at';

/** A 401 this soon after leaving for the sign-in means the round trip did not help. */
export const LOOP_WINDOW_MS = 10_000;

/** The browser-facing side effects; an object so that tests can replace them (jsdom cannot navigate). */
export const session = {
  // `this: void`: tests hand the method around (expect(session.assign)…) and it needs no `this`.
  assign(this: void, url: string): void {
    window.location.assign(url);
  },
};

type State = 'active' | 'leaving' | 'ended';
let state: State = 'active';
let unloading = false;
const listeners = new Set<() => void>();
const beforeLeaving = new Set<() => void>();

if (typeof window !== 'undefined') {
  // Calls cut off by the page going away are not failures worth showing.
  window.addEventListener('pagehide', () => (unloading = true));
  window.addEventListener('pageshow', () => (unloading = false));
}

/** Runs `save` synchronously just before the console leaves for the sign-in (or gives up); returns the unsubscribe. */
export function beforeSignIn(save: () => void): () => void {
  beforeLeaving.add(save);
  return () => beforeLeaving.delete(save);
}

/** The page is being left (for the sign-in or otherwise): an aborted call has nothing to show. */
export function isLeaving(): boolean {
  return state === 'leaving' || unloading;
}

/** The address to come back to. The fragment stays out: an address differing only by it would not reload the page. */
export function returnUrl(): string {
  return window.location.pathname + window.location.search;
}

function leftAt(): number {
  try {
    return Number(sessionStorage.getItem(RETURN_KEY)) || 0;
  } catch {
    return 0;
  }
}

/** The gateway answered 401: save the drafts and go through the sign-in once, or show the signed-out screen. */
export function sessionEnded(): void {
  if (state !== 'active') return; // many calls fail at once; the first one decides
  beforeLeaving.forEach((save) => {
    try {
      save();
    } catch {
      /* a draft that cannot be written must not keep the others or the sign-in from happening */
    }
  });
  const since = Date.now() - leftAt();
  if (since >= 0 && since < LOOP_WINDOW_MS) {
    setState('ended');
    return;
  }
  try {
    sessionStorage.setItem(RETURN_KEY, String(Date.now()));
  } catch {
    // Without storage there is no loop guard: better the signed-out screen than an endless round trip.
    setState('ended');
    return;
  }
  setState('leaving');
  session.assign(returnUrl());
}

function setState(next: State) {
  state = next;
  listeners.forEach((l) => l());
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** True once the console has given up on signing in by itself (the signed-out screen shows). */
export function useSignedOut(): boolean {
  return useSyncExternalStore(subscribe, () => state === 'ended');
}

/** Back to a freshly loaded page (for tests). */
export function resetSession(): void {
  state = 'active';
  unloading = false;
  listeners.forEach((l) => l());
}
