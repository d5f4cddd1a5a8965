import type { ProblemPlan, ProblemSettings, ProblemsReport, ReportSummary, TeamProblems } from '#shared/api/reports.js';
import type {
  AgentFigures,
  InspectorFigures,
  InspectorsFigures,
  Interval,
  ScoreTrend,
  TeamAgentsFigures,
  TeamFigures,
  TeamsFigures,
  TrendBucket,
  TrendPoint,
} from '#shared/api/dashboard.js';
import { wilsonInterval } from '#shared/rectification/failure-rate.js';
import { scoreIntervalOfSums, standardDeviationOfSums } from '#shared/sampling/confidence.js';
import type { ProblemThresholds } from './problems.js';
import type { InspectorRow, PlanRow, ScoreSums } from './reports.repository.js';

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

const interval = (n: number, sum: number, squares: number): Interval => {
  const i = scoreIntervalOfSums(n, sum, squares);
  return { low: i.low, high: i.high };
};
const mean = (s: { n: number; sum: number }) => (s.n ? s.sum / s.n : null);

/** Every bucket of the period, empty ones too, from the days that have evaluations. */
export function toScoreTrend(bucket: TrendBucket, buckets: { from: string; to: string }[], days: ScoreSums[]): ScoreTrend {
  let next = 0;
  const points = buckets.map((b): TrendPoint => {
    const s = { n: 0, fatal: 0, sum: 0, squares: 0 };
    while (next < days.length && days[next].key <= b.to) {
      const d = days[next++];
      if (d.key < b.from) continue;
      s.n += d.n;
      s.fatal += d.fatal;
      s.sum += d.sum;
      s.squares += d.squares;
    }
    const wilson = wilsonInterval(s.fatal, s.n);
    return {
      from: b.from,
      to: b.to,
      evaluations: s.n,
      averageScore: mean(s),
      scoreInterval: interval(s.n, s.sum, s.squares),
      fatalRate: s.n ? s.fatal / s.n : null,
      fatalInterval: { low: wilson.low, high: wilson.high },
    };
  });
  return { bucket, points };
}

/** Worst average first; teams without evaluations last, by code. */
export function toTeamsFigures(teams: { id: string; code: string; name: string; openCoachingItems: number; openNotices: number }[], scores: ScoreSums[]): TeamsFigures {
  const byTeam = new Map(scores.map((s) => [s.key, s]));
  const rows = teams.map((t): TeamFigures => {
    const s = byTeam.get(t.id) ?? { n: 0, fatal: 0, sum: 0, squares: 0 };
    return {
      team: t.code,
      name: t.name,
      evaluations: s.n,
      averageScore: mean(s),
      scoreInterval: interval(s.n, s.sum, s.squares),
      fatalRate: s.n ? s.fatal / s.n : null,
      openCoachingItems: t.openCoachingItems,
      openNotices: t.openNotices,
    };
  });
  rows.sort((a, b) => (a.averageScore ?? Infinity) - (b.averageScore ?? Infinity) || a.team.localeCompare(b.team));
  return { teams: rows };
}

/** Lowest average first. */
export function toTeamAgentsFigures(team: string, rows: (ScoreSums & { agent: string; name: string; failures: number })[]): TeamAgentsFigures {
  const agents = rows.map((r): AgentFigures => ({
    agent: r.agent,
    name: r.name,
    evaluations: r.n,
    averageScore: mean(r),
    scoreInterval: interval(r.n, r.sum, r.squares),
    fatal: r.fatal,
    failures: r.failures,
  }));
  agents.sort((a, b) => (a.averageScore ?? Infinity) - (b.averageScore ?? Infinity) || a.agent.localeCompare(b.agent));
  return { team, agents };
}

/** Each inspector against the pooled evaluations of the others: below 0 stricter, above 0 more lenient. */
export function toInspectorsFigures(rows: InspectorRow[]): InspectorsFigures {
  const all = rows.reduce((a, r) => ({ n: a.n + r.n, sum: a.sum + r.sum }), { n: 0, sum: 0 });
  return {
    inspectors: rows.map((r): InspectorFigures => {
      const others = { n: all.n - r.n, sum: all.sum - r.sum };
      const own = mean(r);
      const rest = mean(others);
      return {
        inspector: r.inspector,
        name: r.name,
        evaluations: r.n,
        perDay: r.days ? r.n / r.days : 0,
        medianSeconds: r.medianSeconds,
        medianCallSeconds: r.medianCallSeconds,
        averageScore: own,
        scoreSpread: standardDeviationOfSums(r.n, r.sum, r.squares),
        deviation: own === null || rest === null ? null : own - rest,
        amendments: r.amended,
      };
    }),
  };
}
