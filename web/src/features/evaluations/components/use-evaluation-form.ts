import { useCallback, useRef, useState } from 'react';
import type { Evaluation, Verdict } from '../api/types';
import { type FormState, initialForm, type ItemState, tenths } from './form-model';
import { type ItemsSnapshot, restoreSnapshot } from './keyboard-flow';

/** The first item not yet scored (or the first item): where the keyboard starts. */
const firstOpen = (evaluation: Evaluation, order: readonly string[]) => order.find((code) => !evaluation.items.find((i) => i.code === code)?.verdict) ?? order[0] ?? null;

/**
 * The form's state: each item's verdict, comment and defect time, the overall comment and the
 * selected item. Starts over from the server's evaluation whenever `loadKey` changes (another
 * evaluation, a reload after a conflict, the submitted or amended one). `onChange` hears each edit.
 */
export function useEvaluationForm(evaluation: Evaluation, order: readonly string[], loadKey: string, onChange: (code: string | null) => void) {
  const [form, setForm] = useState<FormState>(() => initialForm(evaluation));
  const [selected, setSelected] = useState<string | null>(() => firstOpen(evaluation, order));
  const [loadedKey, setLoadedKey] = useState(loadKey);
  if (loadedKey !== loadKey) {
    setLoadedKey(loadKey);
    setForm(initialForm(evaluation));
    setSelected((s) => (s && order.includes(s) ? s : firstOpen(evaluation, order)));
  }
  if (selected === null && order.length) setSelected(firstOpen(evaluation, order));

  const changeRef = useRef(onChange);
  changeRef.current = onChange;
  /** The latest state, ahead of rendering: two edits in one tick both see the first. */
  const latest = useRef(form);
  latest.current = form;

  const update = useCallback((code: string, patch: (item: ItemState) => ItemState) => {
    const f = latest.current;
    const item = f.items[code];
    if (!item) return;
    const next = patch(item);
    if (next === item) return;
    latest.current = { ...f, items: { ...f.items, [code]: next } };
    setForm(latest.current);
    changeRef.current(code);
  }, []);

  /** A pass or N/A is no defect: its time goes with the verdict. */
  const setVerdict = useCallback(
    (code: string, verdict: Verdict) =>
      update(code, (item) => (item.verdict === verdict ? item : { ...item, verdict, ...(verdict === 'fail' ? {} : { at: null, until: null }) })),
    [update],
  );

  const setComment = useCallback((code: string, comment: string) => update(code, (item) => ({ ...item, comment })), [update]);

  const clearDefect = useCallback((code: string) => update(code, (item) => ({ ...item, at: null, until: null })), [update]);

  /** A stretch of the call marked as the item's defect: the item fails there, the note joins its comment. */
  const markDefect = useCallback(
    (code: string, start: number, end: number, note: string) => {
      const at = tenths(Math.max(0, Math.min(start, end)));
      const until = tenths(Math.max(start, end));
      update(code, (item) => ({
        ...item,
        verdict: 'fail',
        at,
        until: until - at >= 0.2 ? until : null,
        comment: note ? (item.comment.trim() ? `${item.comment.trimEnd()}\n${note}` : note) : item.comment,
      }));
      setSelected(code);
    },
    [update],
  );

  /** Puts items back exactly as a snapshot had them (an undo): each changed item is saved again. */
  const restore = useCallback((snapshot: ItemsSnapshot) => {
    const before = latest.current;
    latest.current = restoreSnapshot(before, snapshot);
    setForm(latest.current);
    for (const code of Object.keys(snapshot)) if (before.items[code] !== latest.current.items[code]) changeRef.current(code);
  }, []);

  /** The form as of the last edit, ahead of rendering (to find the next item after a verdict key). */
  const current = useCallback(() => latest.current, []);

  const setOverall = useCallback((comment: string) => {
    latest.current = { ...latest.current, comment };
    setForm(latest.current);
    changeRef.current(null);
  }, []);

  return { form, current, selected, setSelected, setVerdict, setComment, clearDefect, markDefect, setOverall, restore };
}
