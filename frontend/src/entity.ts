import { useSyncExternalStore } from 'react';

/**
 * The entity (organisation) this tab acts in (DESIGN §9). Every API call names it in `X-Entity` (api.ts) and the
 * notification stream in `?entity=`. It lives in this tab's memory, so two tabs can work in two entities; the last
 * choice is also kept in the browser, as the one to start with next time, if the account still belongs to it.
 */

/** The request header naming the entity of a call. */
export const ENTITY_HEADER = 'X-Entity';

/** The last entity chosen in this browser. */
export const ENTITY_KEY = 'finance-tracker.entity';

let current: string | null = null;
const listeners = new Set<() => void>();

/** The entity the console acts in now, or null before the list is loaded (or when the account has none). */
export function currentEntity(): string | null {
  return current;
}

function stored(): string | null {
  try {
    return localStorage.getItem(ENTITY_KEY);
  } catch {
    return null;
  }
}

/**
 * Settles the entity once the account's entities are known: the one already in use or last chosen, if the account
 * still belongs to it, otherwise the first. Null when there is none.
 */
export function chooseEntity(entities: readonly { id: string }[]): string | null {
  const wanted = [current, stored()].find((id) => id && entities.some((e) => e.id === id));
  setCurrent(wanted ?? entities[0]?.id ?? null);
  return current;
}

/** Acts in another entity from now on, and starts there next time. */
export function switchEntity(id: string): void {
  try {
    localStorage.setItem(ENTITY_KEY, id);
  } catch {
    /* private mode: the choice lasts for this page only */
  }
  setCurrent(id);
}

function setCurrent(id: string | null) {
  if (id === current) return;
  current = id;
  listeners.forEach((l) => l());
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useCurrentEntity(): string | null {
  return useSyncExternalStore(subscribe, currentEntity);
}

/** Back to a freshly loaded page (for tests). */
export function resetEntity(): void {
  setCurrent(null);
}
