import type { ProblemPlan, ProblemSettings, ProblemsReport, ReportSummary, TeamProblems } from '#shared/api/reports.js';
import type { ProblemThresholds } from './problems.js';
import type { PlanRow } from './reports.repository.js';

export const toProblemPlan = (row: PlanRow): ProblemPlan => ({
  team: row.team,
  code: row.code,
  period: row.period,
  from: row.periodStart,
  text: row.text,
  owner: row.owner,
  due: row.due,
  revision: row.revision,
  updatedBy: row.updatedByName,
  updatedAt: new Date(row.updatedAt).toISOString(),
});

/** The teams' problems, each common problem with its plan when one is kept. */
export function toProblemsReport(teams: TeamProblems[], plans: PlanRow[]): ProblemsReport {
  const byKey = new Map(plans.map((p) => [`${p.team}\u0000${p.code}`, p]));
  return {
    teams: teams.map((team) => ({
      ...team,
      common: team.common.map((c) => {
        const plan = byKey.get(`${team.team}\u0000${c.code}`);
        return plan ? { ...c, plan: toProblemPlan(plan) } : c;
      }),
    })),
  };
}

export const toProblemSettings = (project: string, t: ProblemThresholds): ProblemSettings => ({ project, minAgents: t.minAgents, minShare: t.minShare });

export function toReportSummary(
  totals: { evaluations: number; averageScore: number | null; fatalRate: number | null },
  items: { code: string; evaluated: number; failures: number }[],
  machine: { code: string; calls: number; failures: number }[],
): ReportSummary {
  return {
    evaluations: totals.evaluations,
    averageScore: totals.averageScore === null ? null : Number(totals.averageScore),
    fatalRate: totals.fatalRate === null ? null : Number(totals.fatalRate),
    items: items.map((i) => ({ code: i.code, evaluated: i.evaluated, failures: i.failures })),
    machine: machine.map((m) => ({ code: m.code, calls: m.calls, failures: m.failures })),
  };
}
