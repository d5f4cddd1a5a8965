import { Button, Card, Descriptions, Flex, Input, Radio, Table, Tag, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DisputeItem, DisputeOutcome } from '#shared/api/disputes';
import { type Dispute, type DisputeStatus, useDisputeStep } from '#web/api/disputes';
import { ServerErrorAlert } from '#web/components/server-error-alert';
import { useUser } from '#web/lib/auth';
import { useCan } from '#web/lib/authorization';

const STATUS_COLOURS: Record<DisputeStatus, string> = {
  awaiting_inspector: 'orange',
  answered: 'blue',
  escalated: 'red',
  resolved: 'green',
  ruled: 'purple',
};
const OUTCOME_COLOURS: Record<DisputeOutcome, string> = { pending: 'default', upheld: 'green', rejected: 'red' };

export function DisputeStatusTag({ status }: { status: DisputeStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLOURS[status]} data-testid="dispute-status" data-status={status}>
      {t(`disputes.statuses.${status}`)}
    </Tag>
  );
}

type Decision = { decision?: string; reason: string };
type StepDecision = 'dispute' | 'accept' | 'reject' | 'escalate' | 'uphold';

/**
 * One dispute: its items with each decision taken, the step the caller may take now (the inspector's
 * answer, the lead's escalation, the supervisor's ruling) and every step with who, when and why.
 */
export function DisputeView({ dispute }: { dispute: Dispute }) {
  const { t } = useTranslation();
  const { data: user } = useUser();
  const mayAnswer = useCan('dispute.answer') && user?.username === dispute.inspector;
  const mayEscalate = useCan('dispute.raise');
  const mayRule = useCan('dispute.rule');
  const step = useDisputeStep(dispute.id);
  const [decisions, setDecisions] = useState<Record<string, Decision>>({});
  const [escalation, setEscalation] = useState('');
  const answering = mayAnswer && dispute.status === 'awaiting_inspector';
  const ruling = mayRule && dispute.status === 'escalated';
  const deciding = answering || ruling;
  const open = dispute.items.filter((i) => (answering ? !i.inspectorDecision : i.escalated && !i.ruling));
  const set = (code: string, patch: Partial<Decision>) => setDecisions((d) => ({ ...d, [code]: { ...(d[code] ?? { reason: '' }), ...patch } }));
  const ready = open.every(
    (i) => decisions[i.code]?.decision && (answering && decisions[i.code].decision === 'accept' ? true : decisions[i.code].reason.trim().length >= 2),
  );

  const submit = () => {
    if (answering)
      step.mutate({
        step: 'answer',
        items: open.map((i) => ({ code: i.code, decision: decisions[i.code].decision as 'accept' | 'reject', reason: decisions[i.code].reason.trim() || undefined })),
      });
    else
      step.mutate({
        step: 'ruling',
        items: open.map((i) => ({ code: i.code, ruling: decisions[i.code].decision as 'uphold' | 'reject', reason: decisions[i.code].reason.trim() })),
      });
  };

  return (
    <Flex vertical gap={12} data-testid="dispute-view" data-dispute-id={dispute.id}>
      <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
        <Descriptions.Item label={t('disputes.status')}>
          <DisputeStatusTag status={dispute.status} />
        </Descriptions.Item>
        <Descriptions.Item label={t('disputes.score')}>
          <Typography.Text strong data-testid="dispute-score">
            {dispute.score ?? '—'}
          </Typography.Text>
          {dispute.fatal && <Tag color="red">{t('disputes.fatal')}</Tag>}
        </Descriptions.Item>
        <Descriptions.Item label={t('disputes.agent')}>{`${dispute.agentName} (${dispute.agent}) · ${dispute.team}`}</Descriptions.Item>
        <Descriptions.Item label={t('disputes.inspector')}>{dispute.inspectorName}</Descriptions.Item>
        <Descriptions.Item label={t('disputes.raisedBy')}>{`${dispute.raisedByName} · ${dayjs(dispute.raisedAt).format('YYYY-MM-DD HH:mm')}`}</Descriptions.Item>
      </Descriptions>
      <Table<DisputeItem>
        size="small"
        rowKey="code"
        pagination={false}
        dataSource={dispute.items}
        data-testid="dispute-items"
        onRow={(i) => ({ 'data-testid': `dispute-item-${i.code}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('disputes.item'), key: 'item', render: (_, i) => `${i.code} ${i.title}` },
          { title: t('disputes.leadReason'), dataIndex: 'reason' },
          {
            title: t('disputes.inspectorAnswer'),
            key: 'answer',
            render: (_, i) =>
              i.inspectorDecision && (
                <span>
                  <Tag>{t(`disputes.decisions.${i.inspectorDecision}`)}</Tag>
                  {i.inspectorReason}
                </span>
              ),
          },
          {
            title: t('disputes.ruling'),
            key: 'ruling',
            render: (_, i) =>
              i.ruling ? (
                <span>
                  <Tag>{t(`disputes.decisions.${i.ruling}`)}</Tag>
                  {i.rulingReason}
                </span>
              ) : (
                i.escalated && <Tag color="red">{t('disputes.escalatedTag')}</Tag>
              ),
          },
          {
            title: t('disputes.outcome'),
            dataIndex: 'outcome',
            render: (o: DisputeOutcome) => (
              <Tag color={OUTCOME_COLOURS[o]} data-testid="dispute-outcome">
                {t(`disputes.outcomes.${o}`)}
              </Tag>
            ),
          },
        ]}
      />
      {deciding && open.length > 0 && (
        <Card size="small" title={answering ? t('disputes.answerTitle') : t('disputes.ruleTitle')} data-testid={answering ? 'dispute-answer' : 'dispute-rule'}>
          <Flex vertical gap={12}>
            {open.map((i) => (
              <Flex key={i.code} vertical gap={4} data-testid={`decide-${i.code}`}>
                <Typography.Text strong>{`${i.code} ${i.title}`}</Typography.Text>
                <Radio.Group
                  value={decisions[i.code]?.decision}
                  onChange={(e) => set(i.code, { decision: e.target.value })}
                  options={(answering ? (['accept', 'reject'] as const) : (['uphold', 'reject'] as const)).map((d) => ({
                    value: d,
                    label: <span data-testid={`decision-${d}`}>{t(`disputes.decisions.${d}`)}</span>,
                  }))}
                />
                <Input.TextArea
                  autoSize={{ minRows: 1, maxRows: 4 }}
                  maxLength={2000}
                  placeholder={answering ? t('disputes.answerReason') : t('disputes.ruleReason')}
                  value={decisions[i.code]?.reason ?? ''}
                  onChange={(e) => set(i.code, { reason: e.target.value })}
                  data-testid="decision-reason"
                />
              </Flex>
            ))}
            <ServerErrorAlert error={step.error} />
            <Button type="primary" disabled={!ready} loading={step.isPending} onClick={submit} data-testid="dispute-decide-submit" style={{ alignSelf: 'flex-start' }}>
              {answering ? t('disputes.answerSubmit') : t('disputes.ruleSubmit')}
            </Button>
          </Flex>
        </Card>
      )}
      {mayEscalate && dispute.status === 'answered' && (
        <Card size="small" title={t('disputes.escalateTitle')} data-testid="dispute-escalate">
          <Flex vertical gap={8}>
            <Typography.Text type="secondary">{t('disputes.escalateHint')}</Typography.Text>
            <Input.TextArea
              autoSize={{ minRows: 2, maxRows: 4 }}
              maxLength={2000}
              value={escalation}
              onChange={(e) => setEscalation(e.target.value)}
              placeholder={t('disputes.escalateReason')}
              data-testid="escalate-reason"
            />
            <ServerErrorAlert error={step.error} />
            <Button
              danger
              disabled={escalation.trim().length < 2}
              loading={step.isPending}
              onClick={() => step.mutate({ step: 'escalate', reason: escalation.trim() })}
              data-testid="escalate-submit"
              style={{ alignSelf: 'flex-start' }}
            >
              {t('disputes.escalate')}
            </Button>
          </Flex>
        </Card>
      )}
      <Typography.Title level={5}>{t('disputes.steps')}</Typography.Title>
      <Timeline
        data-testid="dispute-steps"
        items={dispute.steps.map((s, n) => ({
          key: n,
          content: (
            <div data-testid="dispute-step" data-action={s.action}>
              <Typography.Text strong>{t(`disputes.actions.${s.action}`)}</Typography.Text>{' '}
              <Typography.Text type="secondary">
                {s.byName} ({s.by}) · {dayjs(s.at).format('YYYY-MM-DD HH:mm')}
              </Typography.Text>
              {s.reason && <div style={{ whiteSpace: 'pre-wrap' }}>{s.reason}</div>}
              {s.items.map((i) => (
                <div key={i.code}>
                  {i.code}: {t(`disputes.decisions.${i.decision as StepDecision}`)}
                  {i.reason ? ` — ${i.reason}` : ''}
                </div>
              ))}
            </div>
          ),
        }))}
      />
    </Flex>
  );
}
