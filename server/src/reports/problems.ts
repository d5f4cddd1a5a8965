import type { CommonProblem, IndividualProblem, TeamProblems } from '#shared/api/reports.js';

/** One (team, agent, item) of the period: how many of the agent's evaluations failed the item; `code` null for an agent's evaluations without failures. */
export interface FailureRow {
  team: string;
  agent: string;
  code: string | null;
  failures: number;
}

export interface ProblemThresholds {
  minAgents: number;
  minShare: number;
}

export const DEFAULT_THRESHOLDS: ProblemThresholds = { minAgents: 2, minShare: 0.3 };

/**
 * Splits each team's failures into common problems (enough of its evaluated agents failed the item:
 * at least `minAgents` and at least `minShare` of them) and the individual ones of each agent.
 */
export function classifyProblems(rows: FailureRow[], thresholds: ProblemThresholds): TeamProblems[] {
  const teams = new Map<string, { agents: Set<string>; byCode: Map<string, { agent: string; failures: number }[]> }>();
  for (const row of rows) {
    let team = teams.get(row.team);
    if (!team) teams.set(row.team, (team = { agents: new Set(), byCode: new Map() }));
    team.agents.add(row.agent);
    if (row.code === null || row.failures <= 0) continue;
    const list = team.byCode.get(row.code) ?? [];
    list.push({ agent: row.agent, failures: row.failures });
    team.byCode.set(row.code, list);
  }
  return [...teams.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([team, { agents, byCode }]) => {
      const common: CommonProblem[] = [];
      const individual: IndividualProblem[] = [];
      for (const [code, failing] of byCode) {
        const share = failing.length / agents.size;
        if (failing.length >= thresholds.minAgents && share >= thresholds.minShare - 1e-9)
          common.push({ code, agents: failing.length, failures: failing.reduce((n, f) => n + f.failures, 0) });
        else for (const f of failing) individual.push({ agent: f.agent, code, failures: f.failures });
      }
      common.sort((a, b) => b.agents - a.agents || b.failures - a.failures || a.code.localeCompare(b.code));
      individual.sort((a, b) => a.agent.localeCompare(b.agent) || b.failures - a.failures || a.code.localeCompare(b.code));
      return { team, evaluatedAgents: agents.size, common, individual };
    });
}

/** Days from `from` to `to`, both included (YYYY-MM-DD). */
export interface DayRange {
  from: string;
  to: string;
}

const firstOfMonth = (date: string) => `${date.slice(0, 7)}-01`;
const nextMonth = (date: string) => {
  const [y, m] = date.split('-').map(Number);
  return `${m === 12 ? y + 1 : y}-${String(m === 12 ? 1 : m + 1).padStart(2, '0')}-01`;
};
const dayBefore = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/**
 * Cuts a period into the calendar months it wholly covers (read from the monthly totals; `months`
 * null when none) and the days left over at either end (read from the daily totals).
 */
export function splitByMonths(from: string, to: string): { months: DayRange | null; days: DayRange[] } {
  const first = from === firstOfMonth(from) ? from : nextMonth(from);
  // The last month wholly inside: the one holding `to` when `to` is its last day, else the one before.
  const lastWhole = dayBefore(nextMonth(to)) === to ? firstOfMonth(to) : firstOfMonth(dayBefore(firstOfMonth(to)));
  if (first > lastWhole) return { months: null, days: [{ from, to }] };
  const days: DayRange[] = [];
  if (from < first) days.push({ from, to: dayBefore(first) });
  const after = nextMonth(lastWhole);
  if (after <= to) days.push({ from: after, to });
  return { months: { from: first, to: lastWhole }, days };
}
