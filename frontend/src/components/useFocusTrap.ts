import { RefObject, useEffect, useRef } from 'react';

const FOCUSABLE = [
  'a[href]',
  'button:not([disabled])',
  'input:not([disabled]):not([type="hidden"])',
  'select:not([disabled])',
  'textarea:not([disabled])',
  '[tabindex]:not([tabindex="-1"])',
].join(',');

export function focusables(node: HTMLElement): HTMLElement[] {
  return Array.from(node.querySelectorAll<HTMLElement>(FOCUSABLE)).filter((el) => !el.closest('[hidden]'));
}

/** The open traps, innermost last: only the innermost one handles Tab and Escape. */
const open: HTMLElement[] = [];

/**
 * Keeps keyboard focus inside `ref` while mounted: focuses the element marked `data-autofocus` (or the first
 * focusable one), cycles Tab / Shift+Tab, calls `onEscape` on Escape, and on unmount gives focus back to the
 * element that had it before (unless the user has since put it somewhere else, e.g. by clicking outside).
 */
export function useFocusTrap(ref: RefObject<HTMLElement | null>, onEscape: () => void): void {
  const escape = useRef(onEscape);
  useEffect(() => {
    escape.current = onEscape;
  });

  useEffect(() => {
    const node = ref.current;
    if (!node) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    open.push(node);
    const first = node.querySelector<HTMLElement>('[data-autofocus]') ?? focusables(node)[0] ?? node;
    first.focus();

    const onKeyDown = (event: KeyboardEvent) => {
      if (open[open.length - 1] !== node) return;
      if (event.key === 'Escape') {
        event.preventDefault();
        escape.current();
        return;
      }
      if (event.key !== 'Tab') return;
      const list = focusables(node);
      if (list.length === 0) {
        event.preventDefault();
        node.focus();
        return;
      }
      const active = document.activeElement;
      const firstEl = list[0];
      const lastEl = list[list.length - 1];
      if (event.shiftKey && (active === firstEl || active === node || !node.contains(active))) {
        event.preventDefault();
        lastEl.focus();
      } else if (!event.shiftKey && (active === lastEl || !node.contains(active))) {
        event.preventDefault();
        firstEl.focus();
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('keydown', onKeyDown);
      open.splice(open.indexOf(node), 1);
      const active = document.activeElement;
      if (opener?.isConnected && (!active || active === document.body || node.contains(active))) {
        opener.focus();
      }
    };
  }, [ref]);
}
