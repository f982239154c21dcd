import { Dispatch, SetStateAction, useCallback, useEffect, useRef, useState } from 'react';
import { useLocation } from 'react-router';
import { beforeSignIn } from '../session';

/**
 * Unsaved form values that survive the trip through the sign-in when the session ends (see session.ts), and a
 * reload. A draft lives in sessionStorage (this tab only; never localStorage, so it goes with the tab), keyed by
 * screen, form and record. It is written as the person types and once more just before the console leaves, and
 * removed when the form is saved, cancelled or closed, or when it matches what is saved again.
 * Passwords never go in: a field whose name mentions "password" is left out.
 */

const PREFIX = 'finance-tracker.draft:';

/** A draft left alone this long is stale (the record has likely moved on): dropped. */
export const DRAFT_MAX_AGE_MS = 60 * 60_000;

/** The record id of a form that creates one. */
export const NEW = 'new';

type Values = Record<string, string | boolean>;

interface Stored {
  at: number;
  values: Values;
  /** The version of the record the changes were made to, so that a change made meanwhile is refused (409). */
  version?: number;
}

const SECRET = /password/i;

function storageKey(path: string, form: string, id: string): string {
  return PREFIX + JSON.stringify([path, form, id]);
}

function read(key: string): Stored | null {
  try {
    const raw = sessionStorage.getItem(key);
    if (!raw) return null;
    const stored = JSON.parse(raw) as Stored;
    if (
      typeof stored?.at !== 'number' ||
      typeof stored.values !== 'object' ||
      Date.now() - stored.at > DRAFT_MAX_AGE_MS
    ) {
      sessionStorage.removeItem(key);
      return null;
    }
    return stored;
  } catch {
    return null;
  }
}

function remove(key: string): void {
  try {
    sessionStorage.removeItem(key);
  } catch {
    /* storage disabled: there is nothing to remove */
  }
}

function storable(values: Values): Values {
  return Object.fromEntries(Object.entries(values).filter(([name]) => !SECRET.test(name)));
}

/** Same values apart from the ones never stored. */
function same(a: Values, b: Values): boolean {
  return Object.keys(a).every((name) => SECRET.test(name) || a[name] === b[name]);
}

/** The form's fields taken from the draft where it has a value of the same kind; passwords start empty again. */
function restore<T extends Values>(initial: T, draft: Values): T {
  const values: Values = { ...initial };
  for (const name of Object.keys(initial)) {
    if (!SECRET.test(name) && typeof draft[name] === typeof initial[name]) values[name] = draft[name];
  }
  return values as T;
}

export interface Draft<T> {
  values: T;
  setValues: Dispatch<SetStateAction<T>>;
  /** The values shown came from a draft (until it is cleared). */
  restored: boolean;
  /** The version to send back with the save: the one the changes were made to. */
  version: number | undefined;
  /** Forgets the draft: after a save, Cancel or close. */
  clear: () => void;
}

/**
 * The values of the form `form` for the record `id` (undefined for a new one), starting from its draft if one was
 * kept on this screen, else from `initialValues`.
 */
export function useDraft<T extends Values>(
  form: string,
  id: string | undefined,
  initialValues: T,
  options: { version?: number } = {},
): Draft<T> {
  const path = useLocation().pathname;
  const key = storageKey(path, form, id ?? NEW);
  const [start] = useState(() => {
    const draft = read(key);
    const values = draft ? restore(initialValues, draft.values) : initialValues;
    const restored = !!draft && !same(values, initialValues);
    return { values, restored, version: restored ? draft.version : options.version };
  });
  const [values, setValues] = useState<T>(start.values);
  const [restored, setRestored] = useState(start.restored);
  // What counts as saved: the record as loaded, then what was last saved.
  const saved = useRef<Values>(initialValues);
  const latest = useRef<Values>(values);

  const persist = useCallback(() => {
    if (same(latest.current, saved.current)) {
      remove(key);
      return;
    }
    try {
      const stored: Stored = { at: Date.now(), values: storable(latest.current), version: start.version };
      sessionStorage.setItem(key, JSON.stringify(stored));
    } catch {
      /* storage full or disabled: the form works as before, without a draft */
    }
  }, [key, start.version]);

  useEffect(() => {
    latest.current = values;
    persist();
  }, [values, persist]);
  useEffect(() => beforeSignIn(persist), [persist]);

  const clear = useCallback(() => {
    saved.current = latest.current;
    remove(key);
    setRestored(false);
  }, [key]);

  return { values, setValues, restored, version: start.version, clear };
}

/** The record ids (NEW for a creation) with a draft of `form` on screen `path`, the newest first. */
function draftIds(path: string, form: string): string[] {
  const found: { id: string; at: number }[] = [];
  try {
    for (let i = 0; i < sessionStorage.length; i++) {
      const key = sessionStorage.key(i);
      if (!key?.startsWith(PREFIX)) continue;
      const [draftPath, draftForm, id] = JSON.parse(key.substring(PREFIX.length)) as string[];
      if (draftPath !== path || draftForm !== form) continue;
      const stored = read(key);
      if (stored) found.push({ id, at: stored.at });
    }
  } catch {
    /* storage disabled or a foreign key: no draft */
  }
  return found.sort((a, b) => b.at - a.at).map((d) => d.id);
}

/**
 * Re-opens the dialog of `form` that had a draft on this screen (after the return from the sign-in): at once for a
 * new record, else once `records` has loaded and holds it (a record gone meanwhile takes its draft with it).
 * Looked up once per visit, so that closing the dialog is final.
 */
export function useReopenDraft<R extends { id: string }>(
  form: string,
  records: readonly R[] | undefined,
  open: (record: R | typeof NEW) => void,
): void {
  const path = useLocation().pathname;
  const [id] = useState(() => draftIds(path, form)[0] ?? null);
  const done = useRef(false);
  useEffect(() => {
    if (done.current || !id) return;
    if (id === NEW) {
      done.current = true;
      open(NEW);
      return;
    }
    if (!records) return;
    done.current = true;
    const record = records.find((r) => r.id === id);
    if (record) open(record);
    else remove(storageKey(path, form, id));
  });
}
