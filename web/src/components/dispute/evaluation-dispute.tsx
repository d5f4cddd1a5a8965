import { Alert, Button, Checkbox, Drawer, Flex, Input, Popconfirm, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { EvaluationItem } from '#shared/api/evaluations';
import { useAcknowledgeEvaluation, useEvaluationDispute, useRaiseDispute } from '#web/api/disputes';
import { ServerErrorAlert } from '#web/components/server-error-alert';
import { paths } from '#web/config/paths';
import { useCan } from '#web/lib/authorization';
import { DisputeStatusTag, DisputeView } from './dispute-view';

/**
 * On a submitted evaluation's read view (issue 15): its acceptance or dispute. A team lead accepts it
 * for the agent or disputes failed items with a reason while the project's window is open; everyone
 * who may read disputes sees the dispute and takes his step on it.
 */
export function EvaluationDispute({ evaluationId, items }: { evaluationId: string; items: readonly EvaluationItem[] }) {
  const { t } = useTranslation();
  const mayRead = useCan('dispute.read');
  const mayRaise = useCan('dispute.raise');
  const [open, setOpen] = useState(false);
  const state = useEvaluationDispute(evaluationId, mayRead);
  if (!mayRead) return null;
  const dispute = state.data?.dispute;
  return (
    <>
      <Button autoInsertSpace={false} onClick={() => setOpen(true)} data-testid="open-dispute">
        {t('disputes.button')}
        {dispute && <DisputeStatusTag status={dispute.status} />}
      </Button>
      <Drawer open={open} onClose={() => setOpen(false)} size={720} title={t('disputes.drawerTitle')} destroyOnHidden>
        {state.data && (
          <Flex vertical gap={12} data-testid="evaluation-dispute">
            <Typography.Text type="secondary">
              {state.data.closesAt
                ? t('disputes.window', { days: state.data.windowDays, at: dayjs(state.data.closesAt).format('YYYY-MM-DD HH:mm') })
                : t('disputes.noWindow')}
            </Typography.Text>
            {state.data.acknowledgement && (
              <Alert
                type="success"
                showIcon
                data-testid="acknowledged"
                title={t('disputes.acknowledgedBy', { name: state.data.acknowledgement.byName, at: dayjs(state.data.acknowledgement.at).format('YYYY-MM-DD HH:mm') })}
              />
            )}
            {mayRaise && state.data.open && <RaiseForm evaluationId={evaluationId} items={items} />}
            {dispute && (
              <>
                <Link to={paths.dispute.getHref(dispute.id)} data-testid="dispute-page-link">
                  {t('disputes.openPage')}
                </Link>
                <DisputeView dispute={dispute} />
              </>
            )}
          </Flex>
        )}
      </Drawer>
    </>
  );
}

/** The lead's choice: accept the evaluation, or dispute chosen failed items, each with a reason. */
function RaiseForm({ evaluationId, items }: { evaluationId: string; items: readonly EvaluationItem[] }) {
  const { t } = useTranslation();
  const acknowledge = useAcknowledgeEvaluation(evaluationId);
  const raise = useRaiseDispute(evaluationId);
  const [chosen, setChosen] = useState<Record<string, string>>({});
  const failed = items.filter((i) => i.verdict === 'fail');
  const codes = Object.keys(chosen);
  const ready = codes.length > 0 && codes.every((c) => chosen[c].trim().length >= 2);
  return (
    <Flex vertical gap={12}>
      <Popconfirm title={t('disputes.acknowledgeConfirm')} onConfirm={() => acknowledge.mutate()} okButtonProps={{ 'data-testid': 'acknowledge-confirm' }}>
        <Button type="primary" loading={acknowledge.isPending} data-testid="acknowledge" style={{ alignSelf: 'flex-start' }}>
          {t('disputes.acknowledge')}
        </Button>
      </Popconfirm>
      <ServerErrorAlert error={acknowledge.error} />
      <Typography.Title level={5}>{t('disputes.raiseTitle')}</Typography.Title>
      {failed.length === 0 ? (
        <Typography.Text type="secondary">{t('disputes.nothingFailed')}</Typography.Text>
      ) : (
        failed.map((i) => (
          <Flex key={i.code} vertical gap={4} data-testid={`raise-${i.code}`}>
            <Checkbox
              checked={i.code in chosen}
              onChange={(e) => setChosen(({ [i.code]: _dropped, ...rest }) => (e.target.checked ? { ...rest, [i.code]: _dropped ?? '' } : rest))}
              data-testid="raise-check"
            >
              {`${i.code} ${i.title}`}
            </Checkbox>
            {i.code in chosen && (
              <Input.TextArea
                autoSize={{ minRows: 1, maxRows: 4 }}
                maxLength={2000}
                placeholder={t('disputes.raiseReason')}
                value={chosen[i.code]}
                onChange={(e) => setChosen((c) => ({ ...c, [i.code]: e.target.value }))}
                data-testid="raise-reason"
              />
            )}
          </Flex>
        ))
      )}
      <ServerErrorAlert error={raise.error} />
      {failed.length > 0 && (
        <Button
          danger
          disabled={!ready}
          loading={raise.isPending}
          onClick={() => raise.mutate({ items: codes.map((code) => ({ code, reason: chosen[code].trim() })) })}
          data-testid="raise-submit"
          style={{ alignSelf: 'flex-start' }}
        >
          {t('disputes.raise')}
        </Button>
      )}
    </Flex>
  );
}
