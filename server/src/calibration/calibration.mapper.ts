import type {
  CalibrationCall,
  CalibrationGuidance,
  CalibrationParticipant,
  CalibrationResults,
  CalibrationSession,
  CalibrationSessionSummary,
  CalibrationToScore,
} from '#shared/api/calibration.js';
import type { CallRow, GuidanceRow, MemberRow, SessionRow, ToScoreRow } from './calibration.repository.js';

const iso = (d: Date | string) => new Date(d).toISOString();

export const toSessionSummary = (s: SessionRow): CalibrationSessionSummary => ({
  id: s.id,
  title: s.title,
  project: s.project,
  deadline: s.deadline,
  status: s.revealedAt ? 'revealed' : 'open',
  createdBy: s.createdBy,
  createdAt: iso(s.createdAt),
  revealedAt: s.revealedAt ? iso(s.revealedAt) : null,
  readyToReveal: s.ready,
  calls: s.calls,
  participants: s.participants,
  submitted: s.submitted,
  expected: s.calls * s.participants,
});

const toCall = (c: CallRow): CalibrationCall => ({
  recordingId: c.recordingId,
  agent: c.agent,
  agentName: c.agentName,
  team: c.team,
  startedAt: iso(c.startedAt),
  durationSeconds: c.durationSeconds,
});

const toParticipant = (m: MemberRow): CalibrationParticipant => ({
  username: m.username,
  displayName: m.displayName,
  expert: m.expert,
  submitted: m.submitted,
  drafts: m.drafts,
});

export const toGuidance = (g: GuidanceRow): CalibrationGuidance => ({ code: g.code, text: g.text, by: g.by, at: iso(g.at), draftVersion: g.draftVersion });

export function toSession(s: SessionRow, calls: CallRow[], members: MemberRow[], results: CalibrationResults | null, guidance: GuidanceRow[]): CalibrationSession {
  return {
    ...toSessionSummary(s),
    expert: s.expert,
    callList: calls.map(toCall),
    participantList: members.map(toParticipant),
    results,
    guidance: guidance.map(toGuidance),
  };
}

export const toToScore = (r: ToScoreRow): CalibrationToScore => ({
  sessionId: r.sessionId,
  title: r.title,
  deadline: r.deadline,
  recordingId: r.recordingId,
  agent: r.agent,
  agentName: r.agentName,
  startedAt: iso(r.startedAt),
  draft: r.draft,
});
