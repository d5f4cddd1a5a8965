import { Alert, Button, Card, Col, DatePicker, Descriptions, Empty, Result, Row, Space, Statistic, Table, Tag, theme, Typography } from 'antd';
import dayjs from 'dayjs';
import { type HTMLAttributes, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { AgentStatus } from '#shared/org';
import { useAgent } from '#web/api/agents';
import { LoadError } from '#web/components/errors/load-error';
import { EvaluationItems, useEvaluationColumns } from '#web/components/evaluation';
import { PageHeader } from '#web/components/page-header';
import { PageSpin } from '#web/components/page-spin';
import { paths } from '#web/config/paths';
import { type Evaluation, MAX_EVALUATIONS, useAgentEvaluations } from '../api/agent-evaluations';
import { SampleConfidence } from '../components/sample-confidence';
import { ScoreTrend, type TrendPoint } from '../components/score-trend';

const DATE = 'YYYY-MM-DD';
const DEFAULT_DAYS = 90;
const isDate = (value: string | null): value is string => !!value && /^\d{4}-\d{2}-\d{2}$/.test(value) && dayjs(value).isValid();

function useRange(): [{ from: string; to: string }, (from: string, to: string) => void] {
  const [params, setParams] = useSearchParams();
  const from = params.get('from');
  const to = params.get('to');
  return [
    {
      from: isDate(from)
        ? from
        : dayjs()
            .subtract(DEFAULT_DAYS - 1, 'day')
            .format(DATE),
      to: isDate(to) ? to : dayjs().format(DATE),
    },
    (nextFrom, nextTo) => setParams({ from: nextFrom, to: nextTo }, { replace: true }),
  ];
}

/** Mean of the scores, fatal ones counting as the 0 they are, to one decimal. */
const meanOf = (scores: readonly number[]) => (scores.length ? Math.round((10 * scores.reduce((a, b) => a + b, 0)) / scores.length) / 10 : 0);

/** An agent's file: who they are, how their evaluations went over time, and each of them. */
export function AgentPageRoute() {
  const { t } = useTranslation();
  const { employeeNo = '' } = useParams();
  const [range, setRange] = useRange();
  const agent = useAgent(employeeNo);
  const evaluations = useAgentEvaluations({ agent: employeeNo, ...range }, !!agent.data);
  const items = useMemo(() => evaluations.data?.items ?? [], [evaluations.data]);
  const { token } = theme.useToken();
  const [paging, setPaging] = useState({ page: 1, pageSize: 10 });
  const columns = useEvaluationColumns<Evaluation>({ callLinkTestId: 'agent-evaluation-call-link' });

  // By when the call was, oldest first (the dates pick calls by their day too); the table keeps the server's order.
  const points: TrendPoint[] = useMemo(
    () => items.flatMap((e) => (e.score !== null ? [{ evaluation: e, at: e.callStartedAt, score: e.score }] : [])).sort((a, b) => a.at.localeCompare(b.at)),
    [items],
  );
  const mean = meanOf(points.map((p) => p.score));
  const fatalCount = points.filter((p) => p.evaluation.fatal).length;

  if (agent.isError) return <LoadError error={agent.error} onRetry={() => void agent.refetch()} />;
  if (agent.isPending) return <PageSpin />;
  if (!agent.data) {
    return (
      <Result
        status="404"
        title={t('agentPage.notFoundTitle')}
        subTitle={t('agentPage.notFound', { employeeNo })}
        extra={
          <Link to={paths.agents.getHref()}>
            <Button type="primary">{t('agentPage.backToAgents')}</Button>
          </Link>
        }
        data-testid="agent-not-found"
      />
    );
  }
  const a = agent.data;

  return (
    <>
      <PageHeader
        title={<span data-testid="agent-page-title">{t('agentPage.title', { name: a.name, employeeNo: a.employeeNo })}</span>}
        extra={
          <Space>
            <Typography.Text type="secondary">{t('evaluations.callDates')}</Typography.Text>
            <DatePicker.RangePicker
              allowClear={false}
              value={[dayjs(range.from), dayjs(range.to)]}
              onChange={(r) => {
                if (!r?.[0] || !r[1]) return;
                setRange(r[0].format(DATE), r[1].format(DATE));
                setPaging((p) => ({ ...p, page: 1 }));
              }}
              data-testid="agent-page-dates"
            />
          </Space>
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }} data-testid="agent-details">
          <Descriptions.Item label={t('agents.employeeNo')}>{a.employeeNo}</Descriptions.Item>
          <Descriptions.Item label={t('agents.name')}>{a.name}</Descriptions.Item>
          <Descriptions.Item label={t('agents.team')}>{`${a.teamName} (${a.team})`}</Descriptions.Item>
          <Descriptions.Item label={t('agents.project')}>{a.project}</Descriptions.Item>
          <Descriptions.Item label={t('agents.hiredAt')}>{a.hiredAt}</Descriptions.Item>
          <Descriptions.Item label={t('agents.grade')}>{t(`agents.grades.${a.grade}`)}</Descriptions.Item>
          <Descriptions.Item label={t('agents.status')}>
            {a.status === AgentStatus.Active ? <Tag color="green">{t('agents.statusActive')}</Tag> : <Tag>{t('agents.statusLeft')}</Tag>}
          </Descriptions.Item>
        </Descriptions>
      </Card>

      {evaluations.isError ? (
        <LoadError error={evaluations.error} onRetry={() => void evaluations.refetch()} />
      ) : (
        <>
          {(evaluations.data?.total ?? 0) > MAX_EVALUATIONS && (
            <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('agentPage.truncated', { shown: MAX_EVALUATIONS, total: evaluations.data?.total })} />
          )}
          <Row gutter={16} style={{ marginBottom: 16 }}>
            <Col xs={6}>
              <Card size="small">
                <Statistic title={t('agentPage.count')} value={evaluations.data?.total ?? 0} loading={evaluations.isPending} data-testid="agent-count" />
              </Card>
            </Col>
            <Col xs={6}>
              <Card size="small">
                <Statistic
                  title={t('agentPage.mean')}
                  value={points.length ? mean : '—'}
                  precision={points.length ? 1 : undefined}
                  loading={evaluations.isPending}
                  data-testid="agent-mean"
                />
              </Card>
            </Col>
            <Col xs={6}>
              <Card size="small">
                <SampleConfidence team={agent.data.team} agent={employeeNo} from={range.from} to={range.to} />
              </Card>
            </Col>
            <Col xs={6}>
              <Card size="small">
                <Statistic
                  title={t('agentPage.fatalCount')}
                  value={fatalCount}
                  loading={evaluations.isPending}
                  styles={fatalCount ? { content: { color: token.colorError } } : undefined}
                  data-testid="agent-fatal-count"
                />
              </Card>
            </Col>
          </Row>
          <Card size="small" title={t('agentPage.trend')} style={{ marginBottom: 16 }}>
            {evaluations.isPending ? null : points.length ? <ScoreTrend points={points} mean={mean} /> : <Empty description={t('agentPage.noEvaluations')} />}
          </Card>
          <Card size="small" title={t('agentPage.evaluations')}>
            <Table<Evaluation>
              rowKey="id"
              size="small"
              scroll={{ x: 'max-content' }}
              loading={evaluations.isPending || (evaluations.isFetching && evaluations.isPlaceholderData)}
              columns={columns}
              dataSource={items}
              expandable={{ expandedRowRender: (e) => <EvaluationItems evaluation={e} /> }}
              onRow={(e) => ({ 'data-testid': `agent-evaluation-${e.id}` }) as HTMLAttributes<HTMLElement>}
              pagination={{
                current: paging.page,
                pageSize: paging.pageSize,
                showSizeChanger: true,
                showTotal: (count) => t('common.total', { count }),
                onChange: (page, pageSize) => setPaging({ page: pageSize === paging.pageSize ? page : 1, pageSize }),
              }}
              locale={{ emptyText: t('agentPage.noEvaluations') }}
            />
          </Card>
        </>
      )}
    </>
  );
}

export default AgentPageRoute;
