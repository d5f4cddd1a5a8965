import { renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type ShortcutHandlers, useShortcuts } from '#web/features/evaluations/components/use-shortcuts';

/** The workspace's keyboard: real keydown events dispatched where the user's focus would be. */

const handlers = () =>
  ({
    move: vi.fn(),
    verdict: vi.fn(),
    submit: vi.fn(),
    submitAndNext: vi.fn(),
    next: vi.fn(),
    passRest: vi.fn(),
    undo: vi.fn(),
    help: vi.fn(),
  }) satisfies ShortcutHandlers;

/** A key pressed with the focus on `target` (the page itself unless said): answers the event, to see whether it was taken. */
function press(key: string, init: KeyboardEventInit = {}, target: Element = document.body): KeyboardEvent {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init });
  target.dispatchEvent(event);
  return event;
}

/** An element put on the page, as the workspace's fields are. */
function onPage<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string> = {}, parent: Element = document.body): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  parent.appendChild(el);
  return el;
}

const calls = (h: ReturnType<typeof handlers>) => Object.values(h).reduce((n, fn) => n + fn.mock.calls.length, 0);

afterEach(() => {
  document.body.innerHTML = '';
});

describe('useShortcuts', () => {
  it('moves with ↓/↑ and j/k, scores with 1/2/3, shows help with ?, and takes the keys from the page', () => {
    const h = handlers();
    renderHook(() => useShortcuts(h));
    expect(press('ArrowDown').defaultPrevented).toBe(true);
    press('j');
    expect(h.move.mock.calls).toEqual([[1], [1]]);
    expect(press('ArrowUp').defaultPrevented).toBe(true);
    press('k');
    expect(h.move.mock.calls.slice(2)).toEqual([[-1], [-1]]);
    for (const key of ['1', '2', '3']) expect(press(key).defaultPrevented).toBe(true);
    expect(h.verdict.mock.calls).toEqual([['1'], ['2'], ['3']]);
    expect(press('?').defaultPrevented).toBe(true);
    expect(h.help).toHaveBeenCalledTimes(1);
    expect(h.submit).not.toHaveBeenCalled();
    expect(h.next).not.toHaveBeenCalled();
  });

  it('goes to the next call with N or n', () => {
    const h = handlers();
    renderHook(() => useShortcuts(h));
    press('n');
    press('N');
    expect(h.next).toHaveBeenCalledTimes(2);
  });

  it('submits with Ctrl+Enter or ⌘+Enter, also from a comment box, but not with Enter alone', () => {
    const h = handlers();
    renderHook(() => useShortcuts(h));
    expect(press('Enter', { ctrlKey: true }).defaultPrevented).toBe(true);
    press('Enter', { metaKey: true });
    press('Enter', { ctrlKey: true }, onPage('textarea'));
    expect(h.submit).toHaveBeenCalledTimes(3);
    press('Enter');
    press('Enter', {}, onPage('textarea'));
    expect(h.submit).toHaveBeenCalledTimes(3);
  });

  it('passes the rest with A or a, undoes with Ctrl+Z or ⌘+Z, and submits then opens the next call with Ctrl+Shift+Enter', () => {
    const h = handlers();
    renderHook(() => useShortcuts(h));
    expect(press('a').defaultPrevented).toBe(true);
    press('A', { shiftKey: true });
    expect(h.passRest).toHaveBeenCalledTimes(2);
    expect(press('z', { ctrlKey: true }).defaultPrevented).toBe(true);
    press('z', { metaKey: true });
    expect(h.undo).toHaveBeenCalledTimes(2);
    // Ctrl+Shift+Z is not an undo; plain z is nothing.
    press('Z', { ctrlKey: true, shiftKey: true });
    press('z');
    expect(h.undo).toHaveBeenCalledTimes(2);
    expect(press('Enter', { ctrlKey: true, shiftKey: true }).defaultPrevented).toBe(true);
    press('Enter', { ctrlKey: true, shiftKey: true }, onPage('textarea'));
    expect(h.submitAndNext).toHaveBeenCalledTimes(2);
    expect(h.submit).not.toHaveBeenCalled();
    expect(h.verdict).not.toHaveBeenCalled();
  });

  it('leaves Ctrl+Z to a text field: it undoes the typing there', () => {
    const h = handlers();
    renderHook(() => useShortcuts(h));
    expect(press('z', { ctrlKey: true }, onPage('textarea')).defaultPrevented).toBe(false);
    expect(h.undo).not.toHaveBeenCalled();
  });

  it.each([
    ['a text input', () => onPage('input', { type: 'text' })],
    ['a number input', () => onPage('input', { type: 'number' })],
    ['a textarea', () => onPage('textarea')],
    ['a select', () => onPage('select')],
    ['an editable element', () => onPage('div', { contenteditable: 'true' })],
  ])('takes no keys while the user types in %s: they are the user’s text', (_where, field) => {
    const h = handlers();
    renderHook(() => useShortcuts(h));
    const target = field();
    for (const key of ['j', 'k', 'ArrowDown', 'ArrowUp', '1', '2', '3', 'n', 'a', 'A', '?']) expect(press(key, {}, target).defaultPrevented).toBe(false);
    expect(calls(h)).toBe(0);
  });

  it.each([
    ['a checkbox', 'checkbox'],
    ['a radio button', 'radio'],
    ['a button input', 'button'],
  ])('still takes the keys with the focus on %s: nothing is typed there', (_where, type) => {
    const h = handlers();
    renderHook(() => useShortcuts(h));
    press('2', {}, onPage('input', { type }));
    expect(h.verdict).toHaveBeenCalledWith('2');
  });

  it('leaves the keys to an open dialog or popover', () => {
    const h = handlers();
    renderHook(() => useShortcuts(h));
    const modal = onPage('div', { class: 'ant-modal' });
    const popover = onPage('div', { class: 'ant-popover' });
    press('1', {}, onPage('button', {}, modal));
    press('j', {}, onPage('span', {}, popover));
    press('Enter', { ctrlKey: true }, onPage('textarea', {}, modal));
    expect(calls(h)).toBe(0);
  });

  it('ignores keys with Alt, with Ctrl or ⌘ (other than Enter), and keys something else already handled', () => {
    const h = handlers();
    renderHook(() => useShortcuts(h));
    press('1', { altKey: true });
    press('1', { ctrlKey: true });
    press('j', { metaKey: true });
    press('Enter', { ctrlKey: true, altKey: true });
    const handled = new KeyboardEvent('keydown', { key: '1', bubbles: true, cancelable: true });
    handled.preventDefault();
    document.body.dispatchEvent(handled);
    expect(calls(h)).toBe(0);
  });

  it('takes nothing while disabled, nor once the workspace is gone', () => {
    const h = handlers();
    const { rerender, unmount } = renderHook(({ enabled }) => useShortcuts(h, enabled), { initialProps: { enabled: false } });
    press('1');
    expect(calls(h)).toBe(0);
    rerender({ enabled: true });
    press('1');
    expect(h.verdict).toHaveBeenCalledTimes(1);
    unmount();
    press('1');
    expect(h.verdict).toHaveBeenCalledTimes(1);
  });

  it('calls the handlers of the latest render', () => {
    const first = handlers();
    const latest = handlers();
    const { rerender } = renderHook(({ h }) => useShortcuts(h), { initialProps: { h: first } });
    rerender({ h: latest });
    press('k');
    expect(first.move).not.toHaveBeenCalled();
    expect(latest.move).toHaveBeenCalledWith(-1);
  });
});
