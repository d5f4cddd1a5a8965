import type { AgentConfidence, Assignment, SamplingInspector, SamplingPlan, SamplingRules, SamplingRun } from '#shared/api/sampling.js';
import { scoreInterval, tooWideToGrade } from '#shared/sampling/confidence.js';
import type { SamplingRunEntity } from './sampling.entity.js';
import type { AssignmentRow, ConfidenceRow, InspectorRow, UncoveredRow } from './sampling.repository.js';

export const toAssignment = (r: AssignmentRow): Assignment => ({
  id: r.id,
  recordingId: r.recordingId,
  agent: r.agent,
  agentName: r.agentName,
  team: r.team,
  inspector: r.inspector,
  reason: r.reason,
  source: r.source,
  blind: r.blind,
  date: r.date,
  duration: Math.round(r.duration * 10) / 10,
  startedAt: new Date(r.startedAt).toISOString(),
  done: r.done,
});

export const toSamplingRun = (run: SamplingRunEntity, projectCode: string, assignments: AssignmentRow[], uncovered: UncoveredRow[]): SamplingRun => ({
  id: run.id,
  project: projectCode,
  date: run.date,
  seed: String(run.seed),
  candidates: run.candidates,
  assignments: assignments.map(toAssignment),
  unassigned: uncovered.map((u) => ({ recordingId: u.recordingId, agent: u.agent, team: u.team, reason: u.reason })),
});

export const toSamplingInspector = (i: InspectorRow): SamplingInspector => ({ username: i.username, displayName: i.displayName });

export const toSamplingPlan = (projectCode: string, current: SamplingRules, upcoming: { effectiveFrom: string; rules: SamplingRules } | null): SamplingPlan => ({
  project: projectCode,
  current,
  upcoming,
});

/** The agent's mean of random picks with its 95 % interval, too wide when over `maxHalfWidth` either side. */
export function toAgentConfidence(r: ConfidenceRow, maxHalfWidth: number): AgentConfidence {
  const interval = scoreInterval(r.random ?? []);
  return { agent: r.agent, agentName: r.agentName, team: r.team, allDaily: r.allDaily, ...interval, tooWide: tooWideToGrade(interval, maxHalfWidth) };
}
