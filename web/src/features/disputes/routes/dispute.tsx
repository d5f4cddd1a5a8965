import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useDispute } from '#web/api/disputes';
import { DisputeView } from '#web/components/dispute/dispute-view';
import { LoadError } from '#web/components/errors/load-error';
import { PageHeader } from '#web/components/page-header';
import { PageSpin } from '#web/components/page-spin';
import { paths } from '#web/config/paths';

/** One dispute with its items, the step the caller may take and every step taken. */
export function DisputeRoute() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const dispute = useDispute(id);
  if (dispute.isError) return <LoadError error={dispute.error} onRetry={() => void dispute.refetch()} />;
  if (!dispute.data) return <PageSpin />;
  const d = dispute.data;
  return (
    <>
      <PageHeader
        title={t('disputes.detailTitle', { agent: `${d.agentName} (${d.agent})` })}
        extra={
          <Link to={paths.evaluate.getHref(d.recordingId, { evaluation: d.evaluationId })} data-testid="dispute-evaluation-link">
            {t('disputes.openEvaluation')}
          </Link>
        }
      />
      <DisputeView dispute={d} />
    </>
  );
}

export default DisputeRoute;
