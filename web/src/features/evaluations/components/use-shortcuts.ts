import { useEffect, useRef } from 'react';

/** Focus in a field: the keys are the user's typing, not shortcuts. */
export function typingIn(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  const type = (target as HTMLInputElement).type;
  return type !== 'radio' && type !== 'checkbox' && type !== 'button' && type !== 'range';
}

export interface ShortcutHandlers {
  move(step: 1 | -1): void;
  verdict(key: '1' | '2' | '3'): void;
  submit(): void;
  /** Ctrl+Shift+Enter: submit, then open the next call of the queue. */
  submitAndNext(): void;
  next(): void;
  /** A: every item still without a verdict passes. */
  passRest(): void;
  /** Ctrl+Z (outside a text field, which keeps its own undo): the last verdict change is undone. */
  undo(): void;
  help(): void;
}

/**
 * The workspace's keys (space and ←/→ belong to the player): ↑/↓ or j/k move between items,
 * 1/2/3 pass/fail/N-A (the workspace then moves on), A passes the rest, Ctrl+Z undoes, Ctrl+Enter
 * submits, Ctrl+Shift+Enter submits and opens the next call, N goes to the next call after submitting, ? shows help.
 * Nothing is taken while the user types in a field or while a dialog is open.
 */
export function useShortcuts(handlers: ShortcutHandlers, enabled = true) {
  const ref = useRef(handlers);
  ref.current = handlers;
  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey) return;
      // A dialog (the amendment, a defect's note) owns the keys while focus is in it.
      if (event.target instanceof Element && event.target.closest('.ant-modal, .ant-popover')) return;
      const h = ref.current;
      // Ctrl+Enter means nothing to a text field: it submits from a comment box too.
      const submitKey = (event.ctrlKey || event.metaKey) && event.key === 'Enter';
      if (typingIn(event.target) && !submitKey) return;
      if (submitKey) {
        event.preventDefault();
        if (event.shiftKey) h.submitAndNext();
        else h.submit();
        return;
      }
      if ((event.ctrlKey || event.metaKey) && !event.shiftKey && (event.key === 'z' || event.key === 'Z')) {
        event.preventDefault();
        h.undo();
        return;
      }
      if (event.ctrlKey || event.metaKey) return;
      switch (event.key) {
        case 'ArrowDown':
        case 'j':
          event.preventDefault();
          h.move(1);
          break;
        case 'ArrowUp':
        case 'k':
          event.preventDefault();
          h.move(-1);
          break;
        case '1':
        case '2':
        case '3':
          event.preventDefault();
          h.verdict(event.key);
          break;
        case 'n':
        case 'N':
          h.next();
          break;
        case 'a':
        case 'A':
          event.preventDefault();
          h.passRest();
          break;
        case '?':
          event.preventDefault();
          h.help();
          break;
        default:
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled]);
}
