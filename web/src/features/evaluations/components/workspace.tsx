import { Alert, App, Button, Card, Flex, Tooltip, Typography } from 'antd';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { ChecklistSection } from '#shared/checklists/types';
import type { TranscriptSegment } from '#shared/recordings';
import type { AutoChecks, RecordingDetail } from '#web/api/recording';
import type { PlayerRegion, WaveformPeaks } from '#web/components/call-player';
import { EvaluationDispute } from '#web/components/dispute/evaluation-dispute';
import { MarkExampleButton } from '#web/components/example/mark-example';
import { paths } from '#web/config/paths';
import { useCan } from '#web/lib/authorization';
import { errorMessage, isError } from '#web/lib/errors';
import { useSubmitEvaluation } from '../api/evaluation';
import { useNextCall } from '../api/queue';
import type { Evaluation, Verdict } from '../api/types';
import { AmendModal } from './amend-modal';
import { CallHeader } from './call-header';
import { useHighlights, useRegions } from './call-marks';
import { CallPane, type CallPaneHandle, type DraggedRange } from './call-pane';
import { ChecklistForm } from './checklist-form';
import { ConflictBanner } from './conflict-banner';
import { DefectForm } from './defect-form';
import { DefectList } from './defect-list';
import { hasListened, type ItemsSnapshot, nextUnscored, pushUndo, snapshotOf, unscoredCodes } from './keyboard-flow';
import { autoResultsByCode, type Defect, defectsOf, formSections, liveScore, missingCodes } from './form-model';
import { FaqLookup } from '#web/components/faq/faq-lookup';
import { HistoryDrawer } from './history-drawer';
import { KeyboardHelp } from './keyboard-help';
import { MarkLineButton } from './mark-line-button';
import { OtherEvaluations } from './other-evaluations';
import { SaveStatus } from './save-status';
import { ProposeFaqModal } from './propose-faq';
import { ScorePanel } from './score-panel';
import { useAutosave } from './use-autosave';
import { useEvaluationForm } from './use-evaluation-form';
import { useShortcuts } from './use-shortcuts';

export interface WorkspaceProps {
  recordingId: string;
  evaluation: Evaluation;
  call: RecordingDetail | undefined;
  peaks: { data?: WaveformPeaks; error: unknown; refetch(): void };
  autoChecks: AutoChecks | undefined;
  sections: readonly ChecklistSection[] | undefined;
  /** Changes when the evaluation is loaded afresh (a reload after a conflict): the form starts over. */
  generation: number;
  reloading: boolean;
  onReload(): void;
}

/** The inspector's scoring screen: the call on the left, the checklist on the right, all by keyboard if wished. */
export function Workspace({ recordingId, evaluation, call, peaks, autoChecks, sections: checklistSections, generation, reloading, onReload }: WorkspaceProps) {
  const { t, i18n } = useTranslation();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const mayAmend = useCan('evaluation.amend');
  const mayProposeFaq = useCan('faq.propose');
  const [proposing, setProposing] = useState<string | null>(null);
  const pane = useRef<CallPaneHandle>(null);

  const sections = useMemo(() => formSections(evaluation, checklistSections), [evaluation, checklistSections]);
  const items = useMemo(() => sections.flatMap((s) => s.items), [sections]);
  const order = useMemo(() => items.map((i) => i.code), [items]);
  const draft = evaluation.status === 'draft';

  const changed = useRef<(code: string | null) => void>(() => undefined);
  const loadKey = `${evaluation.id}:${evaluation.status}:${evaluation.revision}:${generation}`;
  const { form, current, selected, setSelected, setVerdict, setComment, clearDefect, markDefect, setOverall, restore } = useEvaluationForm(
    evaluation,
    order,
    loadKey,
    useCallback((code: string | null) => changed.current(code), []),
  );
  const autosave = useAutosave({ id: evaluation.id, revision: evaluation.revision, enabled: draft, form });
  changed.current = autosave.changed;
  const stopped = autosave.status === 'conflict' || autosave.status === 'locked';
  const editable = draft && !stopped;

  const [dragged, setDragged] = useState<DraggedRange | null>(null);
  const [helpOpen, setHelpOpen] = useState(false);
  const [amendOpen, setAmendOpen] = useState(false);
  const [historyOpen, setHistoryOpen] = useState(false);
  const [showMissing, setShowMissing] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [queueDone, setQueueDone] = useState(false);
  const submit = useSubmitEvaluation();
  const nextCall = useNextCall();

  const live = liveScore(evaluation.items, form);
  const missing = missingCodes(evaluation.items, form);
  const defects = useMemo(() => defectsOf(evaluation.items, form), [evaluation.items, form]);
  const auto = useMemo(() => autoResultsByCode(autoChecks?.results), [autoChecks]);
  const evidence = useMemo(() => new Map([...auto].map(([code, r]) => [code, r.evidence])), [auto]);

  const seek = useCallback((seconds: number) => pane.current?.seek(seconds), []);

  const regions = useRegions(autoChecks?.results, defects, dragged);
  const highlights = useHighlights(autoChecks?.results, items);

  const onRegionClick = useCallback(
    (region: PlayerRegion) => {
      seek(region.start);
      if (region.id.startsWith('defect-')) setSelected(region.id.slice('defect-'.length));
    },
    [seek],
  );
  const openDefect = useCallback(
    (d: Defect) => {
      setSelected(d.code);
      seek(d.at);
    },
    [seek],
  );

  const lineActions = useCallback(
    (segment: TranscriptSegment, index: number) => <MarkLineButton segment={segment} index={index} items={items} defaultCode={selected} onMark={markDefect} />,
    [items, selected, markDefect],
  );

  // The keyboard flow (issue 15): verdict changes made by key or "pass the rest" can be undone, newest first.
  const undoStack = useRef<ItemsSnapshot[]>([]);
  const undoKey = useRef(loadKey);
  if (undoKey.current !== loadKey) {
    undoKey.current = loadKey;
    undoStack.current = [];
  }
  /** The share of the call played (0–1, in hundredths, never shrinking): ≥ 90 % is "listened". */
  const [listened, setListened] = useState(0);
  const onListened = useCallback((share: number) => setListened((s) => Math.max(s, Math.floor(share * 100) / 100)), []);

  const onVerdict = useCallback(
    (code: string, verdict: Verdict) => {
      setSelected(code);
      const before = current();
      if (before.items[code]?.verdict !== verdict) undoStack.current = pushUndo(undoStack.current, snapshotOf(before, [code]));
      setVerdict(code, verdict);
    },
    [setVerdict, setSelected, current],
  );

  const verdictByKey = (code: string, verdict: Verdict) => {
    const before = current();
    if (before.items[code]?.verdict !== verdict) undoStack.current = pushUndo(undoStack.current, snapshotOf(before, [code]));
    setVerdict(code, verdict);
    const next = nextUnscored(order, current(), code);
    if (next) setSelected(next);
  };

  /** Undoes changes newest first, down to and including `target` (the newest alone when not given). */
  const undo = (target?: ItemsSnapshot) => {
    if (!editable) return;
    if (!undoStack.current.length || (target && !undoStack.current.includes(target))) {
      void message.info(t('workspace.nothingToUndo'));
      return;
    }
    let last: ItemsSnapshot | undefined;
    while (undoStack.current.length) {
      last = undoStack.current[undoStack.current.length - 1];
      undoStack.current = undoStack.current.slice(0, -1);
      restore(last);
      if (!target || last === target) break;
    }
    const first = last && order.find((code) => code in last);
    if (first) setSelected(first);
    message.destroy('pass-rest');
    void message.info(t('workspace.undone'));
  };

  const applyPassRest = () => {
    const before = current();
    const codes = unscoredCodes(order, before);
    if (!codes.length) return;
    const snapshot = snapshotOf(before, codes);
    undoStack.current = pushUndo(undoStack.current, snapshot);
    for (const code of codes) setVerdict(code, 'pass');
    void message.success({
      key: 'pass-rest',
      duration: 8,
      content: (
        <span data-testid="pass-rest-done">
          {t('workspace.passRestDone', { n: codes.length })}{' '}
          <Button size="small" type="link" data-testid="undo-pass-rest" style={{ paddingInline: 4 }} onClick={() => undo(snapshot)}>
            {t('workspace.undo')}
          </Button>
        </span>
      ),
    });
  };

  /** Every item still without a verdict passes: at once when the inspector has listened, else after asking. */
  const passRest = () => {
    if (!editable) return;
    const n = unscoredCodes(order, current()).length;
    if (!n) {
      void message.info(t('workspace.passRestNone'));
      return;
    }
    if (hasListened(listened)) {
      applyPassRest();
      return;
    }
    // A then Enter is one gesture: Enter confirms even when pressed before the dialog's button has focus
    // (it gets it only once the opening animation has run, and a quick Enter was lost).
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Enter' || e.isComposing) return;
      e.preventDefault();
      e.stopPropagation();
      window.removeEventListener('keydown', onKey, true);
      question.destroy();
      applyPassRest();
    };
    const question = modal.confirm({
      title: t('workspace.passRestConfirmTitle'),
      content: <span data-testid="pass-rest-confirm">{t('workspace.passRestConfirm', { share: Math.round(listened * 100), n })}</span>,
      okText: t('workspace.passRestOk'),
      cancelText: t('common.cancel'),
      okButtonProps: { 'data-testid': 'pass-rest-ok' },
      onOk: applyPassRest,
      afterClose: () => window.removeEventListener('keydown', onKey, true),
    });
    window.addEventListener('keydown', onKey, true);
  };

  /** Submits (after the usual check that every item is scored); true once submitted. */
  const doSubmit = async (): Promise<boolean> => {
    if (!editable || submitting) return false;
    if (missing.length) {
      setShowMissing(true);
      setSelected(missing[0]);
      void message.warning(t('workspace.missingItems', { n: missing.length, codes: missing.join(t('common.listSeparator')) }));
      return false;
    }
    setSubmitting(true);
    try {
      if (!(await autosave.flush())) return false;
      await submit.mutateAsync({ id: evaluation.id, revision: autosave.revision() });
      void message.success(t('workspace.submitted'));
      return true;
    } catch (error) {
      // Saved elsewhere, or submitted elsewhere: each says so in its banner; anything else in a message.
      if (isError(error, 'STALE_REVISION', 'EVALUATION_LOCKED')) autosave.conflict(error);
      else void message.error(errorMessage(error, t));
      return false;
    } finally {
      setSubmitting(false);
    }
  };

  const goNext = () => {
    if (nextCall.isPending) return;
    nextCall.mutate(undefined, {
      onSuccess: ({ next }) => {
        if (!next) {
          setQueueDone(true);
          return;
        }
        const source = typeof next.source === 'string' && next.source !== 'daily' ? next.source : undefined;
        void navigate(paths.evaluate.getHref(next.recordingId, { source }));
      },
      onError: (error) => void message.error(errorMessage(error, t)),
    });
  };

  useShortcuts(
    {
      move(step) {
        const at = selected ? order.indexOf(selected) : -1;
        const next = order[Math.min(order.length - 1, Math.max(0, at + step))];
        if (next) setSelected(next);
      },
      verdict(key) {
        if (!editable || !selected) return;
        const item = items.find((i) => i.code === selected);
        if (!item) return;
        if (key === '3' && !item.allowNa) {
          void message.info(t('workspace.naNotAllowed', { code: item.code }));
          return;
        }
        verdictByKey(item.code, key === '1' ? 'pass' : key === '2' ? 'fail' : 'na');
      },
      submit: () => void doSubmit(),
      submitAndNext() {
        if (!draft) goNext();
        else void doSubmit().then((done) => done && goNext());
      },
      passRest,
      undo: () => undo(),
      next() {
        if (!draft) goNext();
      },
      help: () => setHelpOpen((open) => !open),
    },
    !amendOpen,
  );

  const canAmend = !draft && mayAmend;
  const actions = (
    <>
      <KeyboardHelp open={helpOpen} onOpenChange={setHelpOpen} />
      <OtherEvaluations recordingId={recordingId} currentId={evaluation.id} />
      <FaqLookup />
      {!draft && (
        <Button autoInsertSpace={false} onClick={() => setHistoryOpen(true)} data-testid="show-history">
          {t('workspace.history')}
        </Button>
      )}
      {!draft && <EvaluationDispute evaluationId={evaluation.id} items={evaluation.items} />}
      {!draft && (
        <MarkExampleButton
          evaluationId={evaluation.id}
          recordingId={recordingId}
          items={evaluation.items}
          blockedReason={evaluation.calibrationOpen ? t('examples.calibrationOpen') : undefined}
        />
      )}
      {canAmend && (
        <Button autoInsertSpace={false} onClick={() => setAmendOpen(true)} data-testid="amend-evaluation">
          {t('workspace.amend')}
        </Button>
      )}
      {!draft && (
        <Tooltip title={t('workspace.nextKey')}>
          <Button type="primary" loading={nextCall.isPending} onClick={goNext} data-testid="next-call">
            {t('workspace.nextCall')}
          </Button>
        </Tooltip>
      )}
    </>
  );

  return (
    <Flex
      vertical
      gap={12}
      data-testid="workspace"
      data-evaluation-id={evaluation.id}
      data-status={evaluation.status}
      style={{ height: 'calc(100vh - 112px)', minHeight: 560 }}
    >
      <CallHeader call={call} source={evaluation.source} status={evaluation.status} actions={actions} />
      {stopped && <ConflictBanner kind={autosave.status === 'locked' ? 'locked' : 'stale'} unsaved={autosave.unsaved} reloading={reloading} onReload={onReload} />}
      {evaluation.blind && draft && <Alert type="info" showIcon data-testid="blind-banner" title={t('workspace.blind')} description={t('workspace.blindHelp')} />}
      {queueDone && (
        <Alert
          type="success"
          showIcon
          data-testid="queue-done"
          title={t('workspace.queueDone')}
          action={
            <Link to={paths.queue.getHref()}>
              <Button size="small">{t('workspace.toQueue')}</Button>
            </Link>
          }
        />
      )}
      <div style={{ flex: 1, minHeight: 0, display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) minmax(440px, 46%)', gap: 12 }}>
        <CallPane
          ref={pane}
          recordingId={recordingId}
          call={call}
          peaks={peaks}
          regions={regions}
          highlights={highlights}
          marking={editable}
          onDragged={setDragged}
          onRegionClick={onRegionClick}
          dragged={dragged}
          onDraggedClose={() => setDragged(null)}
          draggedContent={
            dragged && (
              <DefectForm
                range={dragged}
                items={items}
                defaultCode={selected}
                onCancel={() => setDragged(null)}
                onConfirm={(code, note) => {
                  markDefect(code, dragged.start, dragged.end, note);
                  setDragged(null);
                }}
              />
            )
          }
          lineActions={editable ? lineActions : undefined}
          defects={<DefectList defects={defects} onOpen={openDefect} />}
          onListened={onListened}
        />
        <Card
          size="small"
          style={{ minHeight: 0, display: 'flex', flexDirection: 'column' }}
          styles={{ body: { flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column', gap: 8 } }}
        >
          <Flex align="center" justify="space-between" gap={12} style={{ flex: 'none', paddingInline: 4 }}>
            {draft ? (
              <ScorePanel score={live.score} fatal={live.fatal} scored={live.scored} total={live.total} final={false} />
            ) : (
              <ScorePanel score={evaluation.score ?? 0} fatal={!!evaluation.fatal} final />
            )}
            {draft ? (
              <Flex align="center" gap={12}>
                <Tooltip title={t('workspace.listenedHint')}>
                  <Typography.Text
                    type={hasListened(listened) ? 'success' : 'secondary'}
                    data-testid="listened"
                    data-share={listened}
                    data-listened={hasListened(listened) ? 'true' : 'false'}
                    style={{ fontSize: 12, whiteSpace: 'nowrap' }}
                  >
                    {t('workspace.listened', { share: Math.round(listened * 100) })}
                  </Typography.Text>
                </Tooltip>
                <SaveStatus status={autosave.status} savedAt={autosave.savedAt} error={autosave.error} />
                <Tooltip title={t('workspace.passRestKey')}>
                  <Button autoInsertSpace={false} disabled={!editable} onClick={passRest} data-testid="pass-rest">
                    {t('workspace.passRest')}
                  </Button>
                </Tooltip>
                <Tooltip title={t('workspace.submitKey')}>
                  <Button
                    type="primary"
                    autoInsertSpace={false}
                    loading={submitting}
                    disabled={!editable}
                    onClick={() => void doSubmit()}
                    data-testid="submit-evaluation"
                  >
                    {t('workspace.submit')}
                  </Button>
                </Tooltip>
              </Flex>
            ) : (
              <Typography.Text type="secondary" data-testid="submitted-by" style={{ textAlign: 'right' }}>
                {t('workspace.submittedBy', {
                  name: evaluation.inspectorName,
                  at: evaluation.submittedAt ? new Date(evaluation.submittedAt).toLocaleString(i18n.resolvedLanguage) : '—',
                })}
                <br />
                {t('workspace.lockedHint')}
              </Typography.Text>
            )}
          </Flex>
          {draft && showMissing && missing.length > 0 && (
            <Alert
              type="warning"
              showIcon
              data-testid="missing-items"
              title={t('workspace.missingItems', { n: missing.length, codes: missing.join(t('common.listSeparator')) })}
            />
          )}
          <ChecklistForm
            sections={sections}
            form={form}
            selected={selected}
            editable={editable}
            evidence={evidence}
            onSelect={setSelected}
            onVerdict={onVerdict}
            onComment={setComment}
            onClearDefect={clearDefect}
            onSeek={seek}
            onOverall={setOverall}
            onProposeFaq={mayProposeFaq ? setProposing : undefined}
          />
        </Card>
      </div>
      {proposing && (
        <ProposeFaqModal
          recordingId={recordingId}
          evaluationId={evaluation.id}
          code={proposing}
          at={form.items[proposing]?.at ?? null}
          note={form.items[proposing]?.comment ?? ''}
          onClose={() => setProposing(null)}
        />
      )}
      {!draft && <HistoryDrawer evaluationId={evaluation.id} open={historyOpen} onClose={() => setHistoryOpen(false)} />}
      {canAmend && <AmendModal open={amendOpen} evaluation={evaluation} items={items} selectedCode={selected} onClose={() => setAmendOpen(false)} />}
    </Flex>
  );
}
