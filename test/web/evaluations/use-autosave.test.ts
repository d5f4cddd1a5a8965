import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FormState, ItemState } from '#web/features/evaluations/components/form-model';
import { useAutosave } from '#web/features/evaluations/components/use-autosave';

/**
 * The workspace's autosave against a stand-in for the server: every PUT the hook sends waits until
 * the test answers it, and time moves only when the test moves it (fake timers).
 */

interface SentSave {
  url: string;
  method: string;
  body: { revision: number; items: { code: string; verdict: string | null; comment: string | null; at: number | null; until: number | null }[]; comment?: string | null };
  answer(status: number, body: unknown): Promise<void>;
}

let sent: SentSave[];

/** Enough of a fetch Response for the web's api-client. */
const response = (status: number, body: unknown) =>
  ({ ok: status >= 200 && status < 300, status, statusText: '', json: async () => body, text: async () => JSON.stringify(body) }) as unknown as Response;

beforeEach(() => {
  vi.useFakeTimers();
  sent = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(
      (url: string, init: RequestInit) =>
        new Promise<Response>((resolve) => {
          sent.push({
            url,
            method: String(init.method),
            body: JSON.parse(String(init.body)),
            // Answering lets the hook go on: its state updates happen inside act.
            answer: (status, body) => act(async () => resolve(response(status, body))),
          });
        }),
    ),
  );
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const advance = (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms));

const item = (over: Partial<ItemState> = {}): ItemState => ({ verdict: null, comment: '', at: null, until: null, ...over });
const formOf = (items: Record<string, Partial<ItemState>>, comment = ''): FormState => ({
  items: Object.fromEntries(['A1', 'B1', 'C1'].map((code) => [code, item(items[code])])),
  comment,
});

/** The evaluation as the server answers a save: the hook reads only its new revision. */
const saved = (revision: number) => ({ id: 'ev-1', status: 'draft', revision, items: [] });

/** The conflict the server answers for a save based on an old revision. */
const STALE = { statusCode: 409, message: 'This draft was saved elsewhere (another tab?): reload it', code: 'STALE_REVISION' };

type Props = { id: string; revision: number; enabled: boolean; form: FormState };

/** The workspace's props for draft ev-1 at revision 1 with this form; the hook's own pause (1 s) is kept. */
const draft = (form: FormState, over: Partial<Props> = {}): Props => ({ id: 'ev-1', revision: 1, enabled: true, form, ...over });

function renderAutosave(form = formOf({})) {
  return renderHook((props: Props) => useAutosave(props), { initialProps: draft(form) });
}

const byCode = (items: SentSave['body']['items']) => [...items].sort((a, b) => a.code.localeCompare(b.code));

describe('useAutosave', () => {
  it('waits for a pause in the changes, then saves the latest form state of every changed item once', async () => {
    const { result, rerender } = renderAutosave();
    expect(result.current.status).toBe('idle');

    rerender(draft(formOf({ A1: { verdict: 'pass' } })));
    act(() => result.current.changed('A1'));
    expect(result.current.status).toBe('pending');
    await advance(600);
    rerender(draft(formOf({ A1: { verdict: 'pass' }, B1: { verdict: 'fail', comment: '未复' } })));
    act(() => result.current.changed('B1'));
    await advance(600);
    // Still typing the comment: each change starts the wait again.
    rerender(draft(formOf({ A1: { verdict: 'pass' }, B1: { verdict: 'fail', comment: '未复述需求', at: 12.5, until: 15 } })));
    act(() => result.current.changed('B1'));
    await advance(999);
    expect(sent).toHaveLength(0);

    await advance(1);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ url: '/api/evaluations/ev-1', method: 'PUT' });
    expect(sent[0].body.revision).toBe(1);
    expect(byCode(sent[0].body.items)).toEqual([
      { code: 'A1', verdict: 'pass', comment: null, at: null, until: null },
      { code: 'B1', verdict: 'fail', comment: '未复述需求', at: 12.5, until: 15 },
    ]);
    expect(sent[0].body).not.toHaveProperty('comment');
    expect(result.current.status).toBe('saving');

    await sent[0].answer(200, saved(2));
    expect(result.current.status).toBe('saved');
    expect(result.current.savedAt).toBeInstanceOf(Date);
    expect(result.current.revision()).toBe(2);
    await advance(10_000);
    expect(sent).toHaveLength(1);
  });

  it('sends the overall comment only when it changed', async () => {
    const { result, rerender } = renderAutosave();
    rerender(draft(formOf({}, '整体服务良好')));
    act(() => result.current.changed(null));
    await advance(1000);
    expect(sent[0].body).toEqual({ revision: 1, items: [], comment: '整体服务良好' });
  });

  it('does not save again while a save is on its way, then saves what changed meanwhile on the new revision', async () => {
    const { result, rerender } = renderAutosave();
    rerender(draft(formOf({ A1: { verdict: 'pass' } })));
    act(() => result.current.changed('A1'));
    await advance(1000);
    expect(sent).toHaveLength(1);

    rerender(draft(formOf({ A1: { verdict: 'pass' }, B1: { verdict: 'fail' } })));
    act(() => result.current.changed('B1'));
    await advance(5000);
    // The first save has not answered: a second PUT on revision 1 would conflict with it.
    expect(sent).toHaveLength(1);

    await sent[0].answer(200, saved(2));
    await advance(1000);
    expect(sent).toHaveLength(2);
    expect(sent[1].body.revision).toBe(2);
    expect(sent[1].body.items).toEqual([{ code: 'B1', verdict: 'fail', comment: null, at: null, until: null }]);

    await sent[1].answer(200, saved(3));
    expect(result.current.status).toBe('saved');
    expect(result.current.revision()).toBe(3);
    await advance(10_000);
    expect(sent).toHaveLength(2);
  });

  it('stops for good on a conflict (409, stale revision), keeping the unsaved items to show, and never overwrites', async () => {
    const { result, rerender } = renderAutosave();
    rerender(draft(formOf({ A1: { verdict: 'pass' } })));
    act(() => result.current.changed('A1'));
    await advance(1000);
    rerender(draft(formOf({ A1: { verdict: 'pass' }, B1: { verdict: 'fail' } })));
    act(() => result.current.changed('B1'));

    await sent[0].answer(409, STALE);
    expect(result.current.status).toBe('conflict');
    expect(result.current.error).toMatchObject({ status: 409 });
    expect([...result.current.unsaved].sort()).toEqual(['A1', 'B1']);

    // Nothing more is sent: not B1's pending change, not a retry on a newer revision, not later edits.
    act(() => result.current.changed('C1'));
    await advance(60_000);
    expect(sent).toHaveLength(1);
    expect(result.current.status).toBe('conflict');
    let flushed: boolean | undefined;
    await act(async () => {
      flushed = await result.current.flush();
    });
    expect(flushed).toBe(false);
    expect(sent).toHaveLength(1);
  });

  it('starts over on the reloaded draft after a conflict', async () => {
    const { result, rerender } = renderAutosave();
    act(() => result.current.changed('A1'));
    await advance(1000);
    await sent[0].answer(409, STALE);
    expect(result.current.status).toBe('conflict');

    // Reloading brings the other tab's revision 2.
    rerender(draft(formOf({ B1: { verdict: 'fail' } }), { revision: 2 }));
    expect(result.current.status).toBe('idle');
    act(() => result.current.changed('C1'));
    await advance(1000);
    expect(sent).toHaveLength(2);
    expect(sent[1].body).toMatchObject({ revision: 2, items: [{ code: 'C1' }] });
  });

  it('stops when a submit is refused as stale, as on a conflicting save', async () => {
    const { result } = renderAutosave();
    act(() => result.current.changed('A1'));
    act(() => result.current.conflict(new Error('stale')));
    expect(result.current.status).toBe('conflict');
    expect(result.current.unsaved).toEqual(['A1']);
    await advance(10_000);
    expect(sent).toHaveLength(0);
  });

  it('retries a save that failed for another reason instead of stopping as for a conflict', async () => {
    const { result, rerender } = renderAutosave();
    rerender(draft(formOf({ A1: { verdict: 'na' } })));
    act(() => result.current.changed('A1'));
    await advance(1000);
    await sent[0].answer(500, { statusCode: 500, message: 'Internal server error' });
    expect(result.current.status).toBe('error');
    expect(result.current.error).toMatchObject({ status: 500 });
    // A failing server is asked again after 5 s, not hammered at the 1-s pace of typing.
    await advance(4000);
    expect(sent).toHaveLength(1);
    await advance(1000);
    expect(sent).toHaveLength(2);
    expect(sent[1].body).toEqual(sent[0].body);
    await sent[1].answer(200, saved(2));
    expect(result.current.status).toBe('saved');
    await advance(10_000);
    expect(sent).toHaveLength(2);
  });

  it('stops saving once the evaluation is submitted', async () => {
    const { result, rerender } = renderAutosave();
    rerender(draft(formOf({ A1: { verdict: 'pass' } })));
    act(() => result.current.changed('A1'));
    // Submitting first sends what is pending at once, without waiting for the pause.
    let flushing: Promise<boolean> | undefined;
    act(() => {
      flushing = result.current.flush();
    });
    expect(sent).toHaveLength(1);
    await sent[0].answer(200, saved(2));
    await act(async () => {
      expect(await flushing).toBe(true);
    });

    // The submitted evaluation comes back: no longer a draft.
    rerender(draft(formOf({ A1: { verdict: 'pass' } }), { revision: 3, enabled: false }));
    expect(result.current.status).toBe('idle');
    act(() => result.current.changed('B1'));
    expect(result.current.status).toBe('idle');
    await advance(60_000);
    expect(sent).toHaveLength(1);
  });

  it('sends pending changes at once when the workspace is left before the pause ends', async () => {
    const { result, rerender, unmount } = renderAutosave();
    rerender(draft(formOf({ A1: { verdict: 'fail', comment: '未问候' } })));
    act(() => result.current.changed('A1'));
    await advance(300);
    unmount();
    expect(sent).toHaveLength(1);
    expect(sent[0].body.items).toEqual([{ code: 'A1', verdict: 'fail', comment: '未问候', at: null, until: null }]);
  });
});
