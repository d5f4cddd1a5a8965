import { Button, Card, Empty, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '#web/config/paths';
import type { CommonProblem, IndividualProblem, ProblemPlan, TeamProblems } from '../api/problems';

/** One team's common problems (with their plans) and each failing agent's individual problems. */
export function TeamProblemsCard({
  team,
  from,
  to,
  canPlan,
  canIssue,
  onPlan,
}: {
  team: TeamProblems;
  from: string;
  to: string;
  /** Plans are kept per whole week or month, and only those who may write them get the button. */
  canPlan: boolean;
  /** Inspectors and supervisors may issue a rectification notice for a common problem. */
  canIssue: boolean;
  onPlan: (code: string, plan?: ProblemPlan) => void;
}) {
  const { t } = useTranslation();
  /** The evaluations behind a number: those of the team (or agent) in the period that failed the item. */
  const teamLink = (code: string) => paths.evaluations.getHref({ from, to, team: team.team, code });
  const agentLink = (agent: string, code: string) => paths.evaluations.getHref({ from, to, team: team.team, agent, code });

  return (
    <Card
      title={t('problems.team', { team: team.team })}
      extra={<Typography.Text type="secondary">{t('problems.evaluatedAgents', { count: team.evaluatedAgents })}</Typography.Text>}
      style={{ marginBottom: 16 }}
      data-testid={`problems-team-${team.team}`}
    >
      <Typography.Title level={5}>{t('problems.common')}</Typography.Title>
      <Table<CommonProblem>
        rowKey="code"
        size="small"
        pagination={false}
        dataSource={team.common}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('problems.noCommon')} /> }}
        columns={[
          { title: t('problems.code'), dataIndex: 'code' },
          {
            title: t('problems.agents'),
            dataIndex: 'agents',
            render: (n: number, c: CommonProblem) => (
              <Link to={teamLink(c.code)} data-testid={`problems-agents-${team.team}-${c.code}`}>
                {n} / {team.evaluatedAgents}
              </Link>
            ),
          },
          { title: t('problems.failures'), dataIndex: 'failures', render: (n: number, c) => <Link to={teamLink(c.code)}>{n}</Link> },
          {
            title: t('problems.plan.column'),
            key: 'plan',
            render: (_, c) =>
              c.plan ? (
                <div data-testid={`plan-${team.team}-${c.code}`}>
                  <div style={{ whiteSpace: 'pre-wrap' }}>{c.plan.text}</div>
                  <Typography.Text type="secondary">{t('problems.plan.summary', { owner: c.plan.owner, due: c.plan.due })}</Typography.Text>
                </div>
              ) : (
                <Typography.Text type="secondary">{t('problems.plan.none')}</Typography.Text>
              ),
          },
          ...(canPlan
            ? [
                {
                  title: '',
                  key: 'edit',
                  render: (_: unknown, c: CommonProblem) => (
                    <Button size="small" onClick={() => onPlan(c.code, c.plan)} data-testid={`plan-edit-${team.team}-${c.code}`}>
                      {c.plan ? t('problems.plan.edit') : t('problems.plan.write')}
                    </Button>
                  ),
                },
              ]
            : []),
          ...(canIssue
            ? [
                {
                  title: '',
                  key: 'issue',
                  render: (_: unknown, c: CommonProblem) => (
                    <Link to={paths.rectificationIssue.getHref({ team: team.team, codes: [c.code], from, to })} data-testid={`issue-notice-${team.team}-${c.code}`}>
                      {t('problems.issueNotice')}
                    </Link>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('problems.individual')}
      </Typography.Title>
      <Table<IndividualProblem>
        rowKey={(p) => `${p.agent}-${p.code}`}
        size="small"
        pagination={false}
        dataSource={team.individual}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('problems.noIndividual')} /> }}
        columns={[
          { title: t('problems.agent'), dataIndex: 'agent', render: (agent: string) => <Link to={paths.agent.getHref(agent)}>{agent}</Link> },
          { title: t('problems.code'), dataIndex: 'code' },
          { title: t('problems.failures'), dataIndex: 'failures', render: (n: number, p) => <Link to={agentLink(p.agent, p.code)}>{n}</Link> },
        ]}
      />
    </Card>
  );
}
