import { useEffect, useSyncExternalStore } from 'react';

/** A short confirmation ("Member saved") shown as a toast and read by screen readers. */
let message = '';
const listeners = new Set<() => void>();

export function announce(text: string): void {
  message = text;
  listeners.forEach((l) => l());
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function Announcer() {
  const text = useSyncExternalStore(subscribe, () => message);
  useEffect(() => {
    if (!text) return;
    const timer = setTimeout(() => announce(''), 5000);
    return () => clearTimeout(timer);
  }, [text]);
  return (
    <div role="status" aria-live="polite" className={text ? 'toast visible' : 'toast'} data-testid="toast">
      {text}
    </div>
  );
}
