import { useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { EVALUATION_SOURCES, type EvaluationSource } from '#shared/checklists/types';
import { useChecklistVersion } from '#web/api/checklists';
import { useAutoChecks, useRecording } from '#web/api/recording';
import { useRecordingPeaks } from '#web/components/call-player';
import { LoadError } from '#web/components/errors/load-error';
import { NotFound } from '#web/components/errors/not-found';
import { PageSpin } from '#web/components/page-spin';
import { useCan } from '#web/lib/authorization';
import { useDraft, useEvaluation, useMySubmitted } from '../api/evaluation';
import { Workspace } from '../components/workspace';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isSource = (value: string | null): value is EvaluationSource => !!value && (EVALUATION_SOURCES as readonly string[]).includes(value);

/**
 * `/evaluate/:recordingId[?source=…][&evaluation=<id>]`: the scoring workspace. A call the user already
 * submitted opens read-only; otherwise the user's draft opens (created with the machine's suggestions).
 * `evaluation=` opens a given evaluation read-only (a supervisor reviewing or amending an inspector's).
 */
export function EvaluateRoute() {
  const { recordingId = '' } = useParams();
  const [params] = useSearchParams();
  const asked = params.get('source');
  // A team lead listens as a spot check; everyone else scores the day's sample unless told otherwise.
  const spotChecksOnly = !useCan('evaluation.anySource');
  const source: EvaluationSource = isSource(asked) ? asked : spotChecksOnly ? 'spot-check' : 'daily';
  const evaluationId = params.get('evaluation');
  if (!UUID.test(recordingId)) return <NotFound />;
  return (
    <EvaluatePage
      key={`${recordingId}:${source}:${evaluationId ?? ''}`}
      recordingId={recordingId}
      source={source}
      evaluationId={evaluationId && UUID.test(evaluationId) ? evaluationId : null}
    />
  );
}

function EvaluatePage({ recordingId, source, evaluationId }: { recordingId: string; source: EvaluationSource; evaluationId: string | null }) {
  const mine = useMySubmitted(recordingId, source === 'calibration');
  const viewed = useEvaluation(evaluationId);
  const submitted = evaluationId ? viewed.data : mine.data?.items[0];
  const needDraft = !evaluationId && mine.isSuccess && !mine.data.items.length;
  const draft = useDraft(recordingId, source, needDraft);
  const evaluation = evaluationId ? viewed.data : (submitted ?? (needDraft ? draft.data : undefined));
  const call = useRecording(recordingId);
  const peaks = useRecordingPeaks(recordingId);
  // A blind draft (issue 15) is scored without the machine's verdicts: asked for only once it is submitted.
  const blindDraft = !!evaluation && evaluation.blind && evaluation.status === 'draft';
  const autoChecks = useAutoChecks(recordingId, !!evaluation && !blindDraft);
  const checklist = useChecklistVersion(evaluation?.checklistVersionId);
  const [generation, setGeneration] = useState(0);
  const [reloading, setReloading] = useState(false);

  const reload = async () => {
    setReloading(true);
    try {
      // Submitted elsewhere meanwhile (EVALUATION_LOCKED): it opens read-only, and no new draft is started.
      const latest = await mine.refetch({ throwOnError: false });
      if (!latest.data?.items.length) await draft.refetch({ throwOnError: false });
      setGeneration((g) => g + 1);
    } finally {
      setReloading(false);
    }
  };

  const failed = [call, evaluationId ? viewed : mine, ...(needDraft ? [draft] : [])].find((q) => q.isError);
  if (failed) return <LoadError error={failed.error} onRetry={() => void failed.refetch()} />;
  if (!evaluation || (checklist.isPending && !checklist.isError)) return <PageSpin />;

  return (
    <Workspace
      recordingId={recordingId}
      evaluation={evaluation}
      call={call.data}
      peaks={peaks}
      autoChecks={autoChecks.data}
      sections={checklist.data?.sections}
      generation={generation}
      reloading={reloading}
      onReload={() => void reload()}
    />
  );
}

export default EvaluateRoute;
