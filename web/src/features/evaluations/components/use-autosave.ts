import { useCallback, useEffect, useRef, useState } from 'react';
import { canRetry, isError } from '#web/lib/errors';
import { type DraftItemInput, saveDraft } from '../api/evaluation';
import type { FormState } from './form-model';

/** `conflict`: someone saved since (STALE_REVISION); `locked`: it was submitted meanwhile (EVALUATION_LOCKED). Both stop saving. */
export type SaveStatus = 'idle' | 'pending' | 'saving' | 'saved' | 'conflict' | 'locked' | 'error';

export interface AutosaveState {
  status: SaveStatus;
  savedAt: Date | null;
  error: unknown;
  /** Items changed here but not saved (shown when a conflict stops saving). */
  unsaved: string[];
}

const COMMENT = '\u0000comment';
const stopStatus = (error: unknown): SaveStatus => (isError(error, 'EVALUATION_LOCKED') ? 'locked' : 'conflict');
const RETRY_AFTER_ERROR_MS = 5000;

/**
 * Saves a draft by itself about `delay` ms after the last change, sending only the changed items
 * with the revision they were based on. STALE_REVISION means another tab or inspector saved first:
 * saving stops for good (status `conflict`) and nothing is retried with the newer revision, so
 * nobody's work is overwritten; EVALUATION_LOCKED means it was submitted meanwhile (status
 * `locked`). The page offers a reload for both. A refusal that asking again cannot change is not retried.
 */
export function useAutosave({ id, revision, enabled, form, delay = 1000 }: { id: string; revision: number; enabled: boolean; form: FormState; delay?: number }) {
  const [state, setState] = useState<AutosaveState>({ status: 'idle', savedAt: null, error: null, unsaved: [] });
  const formRef = useRef(form);
  formRef.current = form;
  const revisionRef = useRef(revision);
  /** Changed keys → the change counter when last changed: a save clears a key only if it did not change meanwhile. */
  const dirty = useRef(new Map<string, number>());
  const counter = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const inFlight = useRef<Promise<void> | null>(null);
  const stopped = useRef(false);

  // A new evaluation (another call, a reload after a conflict, the submitted one): start over.
  const base = `${id}:${revision}:${enabled}`;
  const baseRef = useRef(base);
  if (baseRef.current !== base) {
    baseRef.current = base;
    revisionRef.current = revision;
    dirty.current = new Map();
    stopped.current = false;
    clearTimeout(timer.current);
  }
  useEffect(() => {
    setState({ status: 'idle', savedAt: null, error: null, unsaved: [] });
  }, [base]);

  const run = useCallback(async (): Promise<void> => {
    clearTimeout(timer.current);
    if (stopped.current || !dirty.current.size) return;
    if (inFlight.current) {
      await inFlight.current;
      return run();
    }
    const snapshot = new Map(dirty.current);
    const current = formRef.current;
    const items: DraftItemInput[] = [...snapshot.keys()]
      .filter((key) => key !== COMMENT)
      .map((code) => {
        const item = current.items[code];
        return { code, verdict: item.verdict, comment: item.comment.trim() ? item.comment : null, at: item.at, until: item.until };
      });
    const savingFor = baseRef.current;
    setState((s) => ({ ...s, status: 'saving' }));
    // Resolves true when the save went through; a failure schedules its own retry (or none).
    const attempt = (async (): Promise<boolean> => {
      try {
        const saved = await saveDraft({
          id,
          revision: revisionRef.current,
          items,
          ...(snapshot.has(COMMENT) ? { comment: current.comment.trim() ? current.comment : null } : {}),
        });
        if (baseRef.current !== savingFor) return false;
        revisionRef.current = saved.revision;
        for (const [key, at] of snapshot) if (dirty.current.get(key) === at) dirty.current.delete(key);
        setState({ status: dirty.current.size ? 'pending' : 'saved', savedAt: new Date(), error: null, unsaved: [] });
        return true;
      } catch (error) {
        if (baseRef.current !== savingFor) return false;
        if (isError(error, 'STALE_REVISION', 'EVALUATION_LOCKED')) {
          stopped.current = true;
          setState({ status: stopStatus(error), savedAt: null, error, unsaved: [...dirty.current.keys()].filter((k) => k !== COMMENT) });
          return false;
        }
        setState((s) => ({ ...s, status: 'error', error }));
        if (canRetry(error)) timer.current = setTimeout(() => void run(), RETRY_AFTER_ERROR_MS);
        return false;
      }
    })();
    inFlight.current = attempt.then(() => undefined);
    const ok = await attempt;
    inFlight.current = null;
    // Changes made while saving go out at the typing pace; after a failure the retry above decides.
    if (ok && !stopped.current && dirty.current.size && baseRef.current === savingFor) timer.current = setTimeout(() => void run(), delay);
  }, [id, delay]);

  /** The item (or the overall comment with `null`) changed: save it shortly. */
  const changed = useCallback(
    (code: string | null) => {
      if (!enabled || stopped.current) return;
      dirty.current.set(code ?? COMMENT, ++counter.current);
      setState((s) => (s.status === 'conflict' || s.status === 'locked' ? s : { ...s, status: 'pending' }));
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void run(), delay);
    },
    [enabled, run, delay],
  );

  /** Saves what is pending now; true when everything is saved (false after a conflict or an error). */
  const flush = useCallback(async (): Promise<boolean> => {
    await run();
    if (inFlight.current) await inFlight.current;
    return !stopped.current && dirty.current.size === 0;
  }, [run]);

  // Leaving the page with changes not yet sent: send them (best effort) rather than lose them.
  const runRef = useRef(run);
  runRef.current = run;
  useEffect(
    () => () => {
      if (!stopped.current && dirty.current.size) void runRef.current().catch(() => undefined);
      clearTimeout(timer.current);
    },
    [],
  );
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (!stopped.current && dirty.current.size) event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, []);

  /** The server refused a submit as stale or locked: the same stop as such a save. */
  const conflict = useCallback((error: unknown) => {
    stopped.current = true;
    clearTimeout(timer.current);
    setState({ status: stopStatus(error), savedAt: null, error, unsaved: [...dirty.current.keys()].filter((k) => k !== COMMENT) });
  }, []);

  return { ...state, changed, flush, conflict, revision: () => revisionRef.current };
}
