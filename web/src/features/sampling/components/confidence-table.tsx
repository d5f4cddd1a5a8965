import { Alert, DatePicker, Space, Table, type TableColumnsType, Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { type HTMLAttributes, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useTeams } from '#web/api/teams';
import { LoadError } from '#web/components/errors/load-error';
import { paths } from '#web/config/paths';
import { type AgentConfidence, useConfidence } from '../api/confidence';
import { DATE } from './format';
import { IntervalBar } from './interval-bar';

const DEFAULT_DAYS = 30;

/**
 * How far each agent's sampled mean can be trusted: the mean of his randomly drawn calls only (guided
 * picks go looking for failures and would bias it) with its 95 % interval, flagged when too wide to grade.
 */
export function ConfidenceTable({ project }: { project: string }) {
  const { t } = useTranslation();
  const [range, setRange] = useState<[string, string]>([
    dayjs()
      .subtract(DEFAULT_DAYS - 1, 'day')
      .format(DATE),
    dayjs().format(DATE),
  ]);
  const confidence = useConfidence({ project, from: range[0], to: range[1] });
  const teams = useTeams();
  const teamName = new Map((teams.data?.items ?? []).map((team) => [team.code, team.name]));
  const items = confidence.data?.items ?? [];
  const maxHalfWidth = confidence.data?.maxHalfWidth;
  // One scale for every bar so they compare: from a round number under the lowest bound to 100.
  const lowest = Math.min(...items.flatMap((i) => [i.low, i.mean].filter((v): v is number => v !== null)), 100);
  const scaleMin = Math.max(0, Math.min(60, Math.floor(lowest / 10) * 10));

  const columns: TableColumnsType<AgentConfidence> = [
    {
      title: t('sampling.agent'),
      key: 'agent',
      render: (_, a) => <Link to={paths.agent.getHref(a.agent)}>{`${a.agentName} (${a.agent})`}</Link>,
    },
    { title: t('sampling.team'), dataIndex: 'team', render: (team: string) => teamName.get(team) ?? team },
    {
      title: <Tooltip title={t('sampling.confidence.nHelp')}>{t('sampling.confidence.n')}</Tooltip>,
      dataIndex: 'n',
      align: 'right',
      sorter: (a, b) => a.n - b.n,
    },
    {
      title: <Tooltip title={t('sampling.confidence.allDailyHelp')}>{t('sampling.confidence.allDaily')}</Tooltip>,
      dataIndex: 'allDaily',
      align: 'right',
    },
    {
      title: t('sampling.confidence.mean'),
      dataIndex: 'mean',
      align: 'right',
      sorter: (a, b) => (a.mean ?? -1) - (b.mean ?? -1),
      render: (mean: number | null) => (mean === null ? '—' : mean.toFixed(1)),
    },
    {
      title: t('sampling.confidence.interval', { min: scaleMin }),
      key: 'interval',
      render: (_, a) => (
        <Space size="middle">
          <IntervalBar mean={a.mean} low={a.low} high={a.high} min={scaleMin} wide={a.tooWide} />
          <Typography.Text type="secondary" style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
            {a.low !== null && a.high !== null ? `${a.low.toFixed(1)} – ${a.high.toFixed(1)}` : ''}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('sampling.confidence.halfWidth'),
      dataIndex: 'halfWidth',
      align: 'right',
      render: (h: number | null) => (h === null ? '—' : `±${h.toFixed(1)}`),
    },
    {
      title: t('sampling.confidence.verdict'),
      key: 'verdict',
      render: (_, a) =>
        a.tooWide ? (
          <Tooltip title={a.n < 2 ? t('sampling.confidence.tooFewHelp', { n: a.n }) : t('sampling.confidence.tooWideHelp', { half: a.halfWidth, max: maxHalfWidth })}>
            <Tag color="warning" data-testid="confidence-too-wide" style={{ cursor: 'help' }}>
              {t('sampling.confidence.tooWide')}
            </Tag>
          </Tooltip>
        ) : (
          <Tag color="success">{t('sampling.confidence.ok')}</Tag>
        ),
    },
  ];

  return (
    <div data-testid="confidence">
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={t('sampling.confidence.explainTitle')}
        description={t('sampling.confidence.explain', { max: maxHalfWidth ?? '…' })}
      />
      <Space wrap style={{ marginBottom: 16 }}>
        <DatePicker.RangePicker
          allowClear={false}
          value={[dayjs(range[0]), dayjs(range[1])]}
          onChange={(r) => r?.[0] && r[1] && setRange([r[0].format(DATE), r[1].format(DATE)])}
          data-testid="confidence-dates"
        />
      </Space>
      {confidence.isError ? (
        <LoadError error={confidence.error} onRetry={() => void confidence.refetch()} />
      ) : (
        <Table<AgentConfidence>
          data-testid="confidence-table"
          rowKey="agent"
          size="middle"
          scroll={{ x: 'max-content' }}
          loading={confidence.isPending || (confidence.isFetching && confidence.isPlaceholderData)}
          columns={columns}
          dataSource={items}
          onRow={(a) => ({ 'data-testid': 'confidence-row', 'data-agent': a.agent, 'data-too-wide': String(a.tooWide) }) as HTMLAttributes<HTMLElement>}
          pagination={{ defaultPageSize: 50, hideOnSinglePage: true, showTotal: (count) => t('common.total', { count }) }}
        />
      )}
    </div>
  );
}
