import { Button, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { AgentGrade } from '#shared/org';
import { useCan } from '#web/lib/authorization';
import { useFeedback } from '#web/lib/feedback';
import type { KpiScheme } from '#shared/api/kpi';
import { type KpiGradeItem, useRequestCalls } from '../api/kpi';

const MOVE_COLOURS: Record<string, string> = { promote: 'green', keep: 'blue', demote: 'orange', belowIntern: 'red' };
const fixed = (x: number | null, digits: number) => (x === null ? '—' : x.toFixed(digits));

/** One row an agent: QA score with its interval, KPI score, CPH, success rate, current and eligible grade, the move. */
export function ReviewTable({
  items,
  scheme = null,
  onApply,
  onExams,
}: {
  items: KpiGradeItem[];
  scheme?: KpiScheme | null;
  onApply?: (item: KpiGradeItem) => void;
  onExams?: (item: KpiGradeItem) => void;
}) {
  const { t } = useTranslation();
  const canRequest = useCan('kpi.requestCalls');
  const requestCalls = useRequestCalls();
  const feedback = useFeedback();
  const grade = (g: AgentGrade | null) => (g ? t(`agents.grades.${g}`) : '—');

  const columns: ColumnsType<KpiGradeItem> = [
    { title: t('kpi.agent'), key: 'agent', render: (_, r) => `${r.agentName}（${r.agent}）`, fixed: 'left' },
    { title: t('kpi.team'), dataIndex: 'teamName' },
    {
      title: t('kpi.qaScore'),
      key: 'qa',
      render: (_, r) =>
        r.qaScore === null ? (
          <Typography.Text type="secondary">{t('kpi.noEvaluations')}</Typography.Text>
        ) : (
          <Space orientation="vertical" size={0}>
            <span>
              {fixed(r.qaScore, 1)}
              <Typography.Text type="secondary">{` · ${t('kpi.evaluations', { count: r.evaluations })}`}</Typography.Text>
            </span>
            {r.qaLow !== null && r.qaHigh !== null && (
              <Typography.Text type="secondary" data-testid={`kpi-interval-${r.agent}`}>
                {t('kpi.interval', { low: r.qaLow.toFixed(1), high: r.qaHigh.toFixed(1) })}
              </Typography.Text>
            )}
            {r.notEnoughEvidence && (
              <Space size={4} wrap>
                <Tooltip title={t('kpi.notEnoughHelp', { threshold: r.decidingThreshold ?? '' })}>
                  <Tag color="warning" data-testid={`kpi-not-enough-${r.agent}`}>
                    {t('kpi.notEnough')}
                  </Tag>
                </Tooltip>
                {r.callsRequestedUntil ? (
                  <Typography.Text type="secondary">{t('kpi.requestedUntil', { date: r.callsRequestedUntil })}</Typography.Text>
                ) : (
                  canRequest && (
                    <Button
                      size="small"
                      data-testid={`kpi-request-${r.agent}`}
                      loading={requestCalls.isPending && requestCalls.variables?.agent === r.agent}
                      onClick={() => requestCalls.mutate({ agent: r.agent }, feedback)}
                    >
                      {t('kpi.requestCalls')}
                    </Button>
                  )
                )}
              </Space>
            )}
          </Space>
        ),
    },
    {
      title: t('kpi.kpiScore'),
      key: 'kpi',
      render: (_, r) =>
        scheme?.parts.length ? (
          <Tooltip
            title={t('kpi.partsHelp', {
              parts: scheme.parts
                .map((p) => `${p.name} ${r.parts[p.code] === null || r.parts[p.code] === undefined ? t('kpi.partMissing') : r.parts[p.code]}`)
                .join(t('common.listSeparator')),
            })}
          >
            <span data-testid={`kpi-score-${r.agent}`}>{fixed(r.kpiScore, 1)}</span>
          </Tooltip>
        ) : (
          <span data-testid={`kpi-score-${r.agent}`}>{fixed(r.kpiScore, 1)}</span>
        ),
    },
    { title: 'CPH', key: 'cph', render: (_, r) => fixed(r.cph, 2) },
    { title: t('kpi.successRate'), key: 'rate', render: (_, r) => (r.successRate === null ? '—' : `${(r.successRate * 100).toFixed(1)} %`) },
    { title: t('kpi.grade'), key: 'grade', render: (_, r) => grade(r.grade) },
    { title: t('kpi.eligible'), key: 'eligible', render: (_, r) => grade(r.eligible) },
    {
      title: t('kpi.move'),
      key: 'move',
      render: (_, r) =>
        r.move ? (
          <Tag color={MOVE_COLOURS[r.move]} data-testid={`kpi-move-${r.agent}`}>
            {t(`kpi.moves.${r.move}`)}
          </Tag>
        ) : (
          <Tooltip title={t('kpi.missingHelp')}>
            <Typography.Text type="secondary">{t('kpi.missing')}</Typography.Text>
          </Tooltip>
        ),
    },
    {
      title: '',
      key: 'apply',
      render: (_, r) => (
        <Space size={4}>
          {onExams && (
            <Button size="small" data-testid={`kpi-exams-${r.agent}`} onClick={() => onExams(r)}>
              {t('kpi.exams.button')}
            </Button>
          )}
          {onApply && r.grade !== 'A' && (
            <Button size="small" type={r.move === 'promote' ? 'primary' : 'default'} data-testid={`kpi-apply-${r.agent}`} onClick={() => onApply(r)}>
              {t('kpi.apply')}
            </Button>
          )}
        </Space>
      ),
    },
  ];
  return (
    <Table<KpiGradeItem>
      rowKey="agent"
      columns={columns}
      dataSource={items}
      pagination={{ pageSize: 50, hideOnSinglePage: true }}
      scroll={{ x: true }}
      data-testid="kpi-review"
    />
  );
}
