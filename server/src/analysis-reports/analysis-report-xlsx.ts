import type { AnalysisReport } from '#shared/api/analysis-reports.js';
import { type HeaderStyle, type Sheet, writeXlsx } from '#server/common/spreadsheet.js';

const STATUS: Record<string, { zh: string; en: string }> = {
  issued: { zh: '已下发', en: 'Issued' },
  acknowledged: { zh: '已回复', en: 'Acknowledged' },
  're-checking': { zh: '复查中', en: 'Re-checking' },
  escalated: { zh: '已升级', en: 'Escalated' },
  closed: { zh: '已关闭', en: 'Closed' },
};

const rate = (failures: number, evaluated: number) => (evaluated ? failures / evaluated : null);

/** The report as a workbook: an overview by team, the agents' roll-up, defects by item, the daily trend, and the daily report's lists. */
export function reportSheets(report: AnalysisReport, style: HeaderStyle): Sheet[] {
  const c = report.content;
  const all = { zh: '合计', en: 'All teams' };
  const sheets: Sheet[] = [
    {
      name: { key: 'teams', zh: '班组概览', en: 'Teams' },
      columns: [
        { key: 'team', zh: '班组', en: 'Team', width: 12 },
        { key: 'teamName', zh: '班组名称', en: 'Team name', width: 16 },
        { key: 'evaluations', zh: '评分数', en: 'Evaluations', type: 'integer' },
        { key: 'averageScore', zh: '平均分', en: 'Average score', type: 'number' },
        { key: 'fatal', zh: '致命数', en: 'Fatal', type: 'integer' },
        { key: 'fatalRate', zh: '致命率', en: 'Fatal rate', type: 'percent' },
        { key: 'coachingOpen', zh: '待辅导', en: 'Coaching open', type: 'integer' },
        { key: 'coachingCoached', zh: '已辅导', en: 'Coached', type: 'integer' },
        { key: 'coachingImproved', zh: '已改善', en: 'Improved', type: 'integer' },
        { key: 'coachingResolved', zh: '已解决', en: 'Resolved', type: 'integer' },
        { key: 'noticesIssued', zh: '本期整改通知', en: 'Notices issued', type: 'integer' },
        { key: 'noticesOpen', zh: '未关闭整改', en: 'Notices open', type: 'integer' },
        { key: 'noticesOverdue', zh: '逾期整改', en: 'Notices overdue', type: 'integer' },
      ],
      rows: [
        [style === 'keys' ? 'ALL' : all[style], null, c.overall.evaluations, c.overall.averageScore, c.overall.fatal, c.overall.fatalRate],
        ...c.teams.map((t) => [
          t.team,
          t.teamName,
          t.evaluations,
          t.averageScore,
          t.fatal,
          t.fatalRate,
          t.coaching.open,
          t.coaching.coached,
          t.coaching.improved,
          t.coaching.resolved,
          t.rectification.issued,
          t.rectification.open,
          t.rectification.overdue,
        ]),
      ],
    },
    {
      name: { key: 'agents', zh: '座席成绩', en: 'Agents' },
      columns: [
        { key: 'team', zh: '班组', en: 'Team', width: 12 },
        { key: 'agent', zh: '工号', en: 'Employee no.', width: 12 },
        { key: 'agentName', zh: '姓名', en: 'Name', width: 12 },
        { key: 'evaluations', zh: '评分数', en: 'Evaluations', type: 'integer' },
        { key: 'averageScore', zh: '平均分', en: 'Average score', type: 'number' },
        { key: 'minScore', zh: '最低分', en: 'Lowest', type: 'number' },
        { key: 'maxScore', zh: '最高分', en: 'Highest', type: 'number' },
        { key: 'fatal', zh: '致命数', en: 'Fatal', type: 'integer' },
        { key: 'fatalRate', zh: '致命率', en: 'Fatal rate', type: 'percent' },
        { key: 'openCoaching', zh: '待辅导', en: 'Coaching open', type: 'integer' },
      ],
      rows: c.agents.map((a) => [a.team, a.agent, a.agentName, a.evaluations, a.averageScore, a.minScore, a.maxScore, a.fatal, a.fatalRate, a.openCoaching]),
    },
    {
      name: { key: 'items', zh: '缺陷项', en: 'Defects by item' },
      columns: [
        { key: 'team', zh: '班组', en: 'Team', width: 12 },
        { key: 'code', zh: '项目编码', en: 'Code', width: 12 },
        { key: 'title', zh: '考核项', en: 'Item', width: 30 },
        { key: 'evaluated', zh: '评分数', en: 'Scored', type: 'integer' },
        { key: 'failures', zh: '不通过数', en: 'Failures', type: 'integer' },
        { key: 'failureRate', zh: '不通过率', en: 'Failure rate', type: 'percent' },
      ],
      rows: c.items.map((i) => [i.team, i.code, i.title, i.evaluated, i.failures, rate(i.failures, i.evaluated)]),
    },
    {
      name: { key: 'trend', zh: '趋势', en: 'Trend' },
      columns: [
        { key: 'date', zh: '日期', en: 'Date', type: 'date' },
        { key: 'team', zh: '班组', en: 'Team', width: 12 },
        { key: 'evaluations', zh: '评分数', en: 'Evaluations', type: 'integer' },
        { key: 'averageScore', zh: '平均分', en: 'Average score', type: 'number' },
        { key: 'fatal', zh: '致命数', en: 'Fatal', type: 'integer' },
        { key: 'fatalRate', zh: '致命率', en: 'Fatal rate', type: 'percent' },
      ],
      rows: c.trend.map((p) => [p.date, p.team, p.evaluations, p.averageScore, p.fatal, p.fatalRate]),
    },
  ];
  if (report.kind !== 'daily') return sheets;
  const word = (v: string) => (style === 'keys' ? v : (STATUS[v]?.[style] ?? v));
  sheets.push(
    {
      name: { key: 'fatalCalls', zh: '致命通话', en: 'Fatal calls' },
      columns: [
        { key: 'callStartedAt', zh: '通话时间', en: 'Call started', type: 'datetime' },
        { key: 'team', zh: '班组', en: 'Team', width: 12 },
        { key: 'agent', zh: '工号', en: 'Employee no.', width: 12 },
        { key: 'agentName', zh: '姓名', en: 'Name', width: 12 },
        { key: 'inspector', zh: '质检员', en: 'Inspector', width: 14 },
        { key: 'codes', zh: '致命项', en: 'Critical items failed', width: 20 },
        { key: 'evaluationId', zh: '评分编号', en: 'Evaluation ID', width: 38 },
      ],
      rows: c.fatalCalls.map((f) => [f.callStartedAt, f.team, f.agent, f.agentName, f.inspector, f.codes.join(', '), f.evaluationId]),
    },
    {
      name: { key: 'newCommonProblems', zh: '新增共性问题', en: 'New common problems' },
      columns: [
        { key: 'team', zh: '班组', en: 'Team', width: 12 },
        { key: 'code', zh: '考核项', en: 'Item', width: 14 },
        { key: 'agents', zh: '涉及座席数', en: 'Agents', type: 'integer', width: 12 },
        { key: 'failures', zh: '不通过数', en: 'Failures', type: 'integer' },
      ],
      rows: c.newCommonProblems.map((p) => [p.team, p.code, p.agents, p.failures]),
    },
    {
      name: { key: 'overdueNotices', zh: '逾期整改', en: 'Overdue notices' },
      columns: [
        { key: 'team', zh: '班组', en: 'Team', width: 12 },
        { key: 'codes', zh: '问题项', en: 'Items', width: 24 },
        { key: 'deadline', zh: '截止日期', en: 'Deadline', type: 'date' },
        { key: 'status', zh: '状态', en: 'Status', width: 10 },
        { key: 'id', zh: '通知编号', en: 'Notice ID', width: 38 },
      ],
      rows: c.overdueNotices.map((n) => [n.team, n.codes.join(', '), n.deadline, word(n.status), n.id]),
    },
  );
  return sheets;
}

export const reportXlsx = (report: AnalysisReport, style: HeaderStyle) => writeXlsx(reportSheets(report, style), style);

/** ASCII only: a header value cannot carry Chinese as it is. */
export const reportFilename = (report: AnalysisReport) => `${report.project}-${report.kind}-${report.from}${report.from === report.to ? '' : `_${report.to}`}.xlsx`;
