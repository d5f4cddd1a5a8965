import type { AgentReport, AnalysisReport, AnalysisReportContent, AnalysisReportSummary, ReportFigures, TeamReport } from '#shared/api/analysis-reports.js';
import { type ChecklistSection, itemsOf } from '#shared/checklists/types.js';
import type { AgentRow, FatalRow, ItemRow, NoticeRow, ReportRow, TeamRow, TrendRow } from './analysis-report.repository.js';

const iso = (d: Date | string) => new Date(d).toISOString();
const num = (v: number | string | null) => (v === null ? null : Number(v));

const figures = (r: { evaluations: number; averageScore: number | null; fatal: number }): ReportFigures => ({
  evaluations: r.evaluations,
  averageScore: r.evaluations ? num(r.averageScore) : null,
  fatal: r.fatal,
  fatalRate: r.evaluations ? r.fatal / r.evaluations : null,
});

/** The figures of several teams together: the mean weighted by each team's evaluations, so it equals the mean over all of them. */
export function combined(parts: ReportFigures[]): ReportFigures {
  const evaluations = parts.reduce((n, p) => n + p.evaluations, 0);
  const fatal = parts.reduce((n, p) => n + p.fatal, 0);
  const sum = parts.reduce((n, p) => n + (p.averageScore ?? 0) * p.evaluations, 0);
  return { evaluations, averageScore: evaluations ? sum / evaluations : null, fatal, fatalRate: evaluations ? fatal / evaluations : null };
}

export interface ContentRows {
  teams: TeamRow[];
  agents: AgentRow[];
  items: ItemRow[];
  sections: ChecklistSection[][];
  trend: TrendRow[];
  fatalCalls: FatalRow[];
  newCommonProblems: AnalysisReportContent['newCommonProblems'];
  overdueNotices: NoticeRow[];
}

/** The snapshot a report keeps. */
export function toContent(rows: ContentRows): AnalysisReportContent {
  const titles = new Map<string, string>();
  for (const sections of rows.sections) for (const item of itemsOf(sections)) titles.set(item.code, item.title);
  const teams: TeamReport[] = rows.teams.map((t) => ({
    team: t.team,
    teamName: t.teamName,
    ...figures(t),
    coaching: { open: t.open, coached: t.coached, improved: t.improved, resolved: t.resolved },
    rectification: { issued: t.issued, open: t.openNotices, overdue: t.overdue },
  }));
  const agents: AgentReport[] = rows.agents.map((a) => ({
    agent: a.agent,
    agentName: a.agentName,
    team: a.team,
    ...figures(a),
    minScore: num(a.minScore),
    maxScore: num(a.maxScore),
    openCoaching: a.openCoaching,
  }));
  return {
    overall: combined(teams),
    teams,
    agents,
    items: rows.items.map((i) => ({ team: i.team, code: i.code, title: titles.get(i.code) ?? i.code, evaluated: i.evaluated, failures: i.failures })),
    trend: rows.trend.map((p) => ({ date: p.date, team: p.team, ...figures(p) })),
    fatalCalls: rows.fatalCalls.map((f) => ({ ...f, callStartedAt: iso(f.callStartedAt) })),
    newCommonProblems: rows.newCommonProblems,
    overdueNotices: rows.overdueNotices.map((n) => ({ id: n.id, team: n.team, codes: n.codes, deadline: n.deadline, status: n.status })),
  };
}

/** Only the parts of these teams (null: all), the overall figures recomputed from them. */
export function withinTeams(content: AnalysisReportContent, teams: Set<string> | null): AnalysisReportContent {
  if (!teams) return content;
  const mine = <T extends { team: string }>(rows: T[]) => rows.filter((r) => teams.has(r.team));
  const teamRows = mine(content.teams);
  return {
    overall: combined(teamRows),
    teams: teamRows,
    agents: mine(content.agents),
    items: mine(content.items),
    trend: mine(content.trend),
    fatalCalls: mine(content.fatalCalls),
    newCommonProblems: mine(content.newCommonProblems),
    overdueNotices: mine(content.overdueNotices),
  };
}

export const toReportSummary = (r: ReportRow): AnalysisReportSummary => ({
  id: r.id,
  kind: r.kind,
  project: r.project,
  projectName: r.projectName,
  from: r.periodStart,
  to: r.periodEnd,
  generatedAt: iso(r.generatedAt),
  generatedBy: r.generatedBy,
  publishedAt: r.publishedAt ? iso(r.publishedAt) : null,
  publishedBy: r.publishedBy,
  read: !!r.publishedAt && !!r.readAt,
});

export const toReport = (r: ReportRow, content: AnalysisReportContent): AnalysisReport => ({ ...toReportSummary(r), content });
