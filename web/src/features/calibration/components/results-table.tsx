import { Card, Space, Statistic, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { VerdictTag } from '#web/components/evaluation';
import type { CalibrationCallScores, CalibrationItemResult, CalibrationSession } from '../api/calibration';

const kappaText = (k: number | null) => (k === null ? '—' : k.toFixed(2));
const percent = (x: number | null) => (x === null ? '—' : `${Math.round(x * 100)} %`);
const number = (x: number | null) => (x === null ? '—' : Number.isInteger(x) ? String(x) : x.toFixed(1));

/**
 * After the reveal: per item each participant's verdict on each call beside the reference (the
 * benchmark, or the majority), agreement with it and Fleiss' kappa, disagreements first; then each
 * call's scores with their spread.
 */
export function ResultsTables({ session }: { session: CalibrationSession }) {
  const { t } = useTranslation();
  const results = session.results!;
  const participants = session.participantList.filter((p) => !p.expert);
  const nameOf = new Map(session.participantList.map((p) => [p.username, p.displayName]));
  const callLabel = (n: number) => t('calibration.callN', { n: n + 1 });
  const referenceTitle = results.items[0]?.referenceKind === 'benchmark' ? t('calibration.benchmark') : t('calibration.majority');
  const columns: ColumnsType<CalibrationItemResult> = [
    {
      title: t('calibration.item'),
      key: 'item',
      fixed: 'left',
      render: (_, item) => (
        <Space size={4}>
          <Typography.Text strong>{item.code}</Typography.Text>
          <span>{item.title}</span>
          {item.disagreement && <Tag color="red">{t('calibration.disagree')}</Tag>}
        </Space>
      ),
    },
    { title: t('calibration.kappa'), dataIndex: 'kappa', render: (k: number | null) => <span data-testid="item-kappa">{kappaText(k)}</span> },
    {
      title: <Tooltip title={t('calibration.agreementHint')}>{t('calibration.agreement')}</Tooltip>,
      dataIndex: 'agreement',
      render: (a: number | null) => <span data-testid="item-agreement">{percent(a)}</span>,
    },
    ...session.callList.map((call, n) => ({
      title: <Tooltip title={`${call.agentName} (${call.agent})`}>{callLabel(n)}</Tooltip>,
      key: call.recordingId,
      children: [
        ...participants.map((p) => ({
          title: p.displayName,
          key: `${call.recordingId}:${p.username}`,
          render: (_: unknown, item: CalibrationItemResult) => {
            const verdict = item.calls[n]?.verdicts.find((v) => v.username === p.username)?.verdict ?? null;
            const off = verdict !== null && item.calls[n]?.reference !== null && verdict !== item.calls[n]?.reference;
            return (
              <span data-testid={`verdict-${n}-${p.username}`} style={off ? { outline: '2px solid #ff4d4f', borderRadius: 4, display: 'inline-block' } : undefined}>
                <VerdictTag verdict={verdict} />
              </span>
            );
          },
        })),
        {
          title: referenceTitle,
          key: `${call.recordingId}:reference`,
          render: (_: unknown, item: CalibrationItemResult) => <VerdictTag verdict={item.calls[n]?.reference ?? null} />,
        },
      ],
    })),
  ];
  const scoreColumns: ColumnsType<CalibrationCallScores> = [
    { title: t('calibration.call'), key: 'call', render: (_, c) => callLabel(session.callList.findIndex((x) => x.recordingId === c.recordingId)) },
    ...participants.map((p) => ({
      title: nameOf.get(p.username) ?? p.username,
      key: p.username,
      render: (_: unknown, c: CalibrationCallScores) => number(c.scores.find((s) => s.username === p.username)?.score ?? null),
    })),
    ...(session.expert ? [{ title: t('calibration.benchmark'), key: 'benchmark', render: (_: unknown, c: CalibrationCallScores) => number(c.benchmark) }] : []),
    { title: t('calibration.min'), key: 'min', render: (_, c) => number(c.spread.min) },
    { title: t('calibration.max'), key: 'max', render: (_, c) => number(c.spread.max) },
    { title: t('calibration.sd'), key: 'sd', render: (_, c) => <span data-testid="call-sd">{c.spread.sd === null ? '—' : c.spread.sd.toFixed(1)}</span> },
  ];
  return (
    <>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Space size={48} wrap>
          <Statistic title={t('calibration.overallKappa')} value={kappaText(results.kappa)} data-testid="overall-kappa" />
          <Statistic title={t('calibration.itemsDisagreed')} value={results.items.filter((i) => i.disagreement).length} suffix={`/ ${results.items.length}`} />
          <Typography.Text type="secondary">{t('calibration.kappaHint')}</Typography.Text>
        </Space>
      </Card>
      <Card size="small" title={t('calibration.sideBySide')} style={{ marginBottom: 16 }}>
        <Table<CalibrationItemResult>
          rowKey="code"
          size="small"
          bordered
          scroll={{ x: 'max-content' }}
          pagination={false}
          dataSource={results.items}
          columns={columns}
          data-testid="calibration-results"
          onRow={(item) => ({ 'data-testid': `result-row-${item.code}` }) as HTMLAttributes<HTMLElement>}
        />
      </Card>
      <Card size="small" title={t('calibration.scores')} style={{ marginBottom: 16 }}>
        <Table<CalibrationCallScores>
          rowKey="recordingId"
          size="small"
          scroll={{ x: 'max-content' }}
          pagination={false}
          dataSource={results.calls}
          columns={scoreColumns}
          data-testid="calibration-scores"
        />
      </Card>
    </>
  );
}
