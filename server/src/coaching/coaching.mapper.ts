import type { CoachingDefect, CoachingHistoryEntry, CoachingItem, CoachingItemDetail, CoachingSession } from '#shared/api/coaching.js';
import { type ChecklistSection, itemsOf } from '#shared/checklists/types.js';
import type { Masker } from '#shared/masking.js';
import type { CoachingSessionEntity } from './coaching.entity.js';
import type { CoachingItemRow, DefectRow } from './coaching.repository.js';

const iso = (d: Date | string) => new Date(d).toISOString();

export const toCoachingItem = (r: CoachingItemRow): CoachingItem => ({
  id: r.id,
  agent: r.agentNo,
  agentName: r.agentName,
  team: r.teamCode,
  evaluationId: r.evaluationId,
  recordingId: r.recordingId,
  codes: r.codes,
  fatal: r.fatal,
  status: r.status,
  revision: r.revision,
  acknowledgedAt: r.acknowledgedAt ? iso(r.acknowledgedAt) : null,
  acknowledgedBy: r.acknowledgedBy,
  createdAt: iso(r.createdAt),
  updatedAt: iso(r.updatedAt),
});

const toDefect = (d: DefectRow, titles: Map<string, string>, mask: Masker): CoachingDefect => ({
  code: d.code,
  title: titles.get(d.code) ?? d.code,
  critical: d.critical,
  comment: mask.text(d.comment),
  at: d.at,
  recordingId: d.recordingId,
  evaluationId: d.evaluationId,
});

const toSession = (s: CoachingSessionEntity): CoachingSession => ({
  id: s.id,
  date: s.date,
  said: s.said,
  commitment: s.commitment,
  relistenRecordingId: s.relistenRecordingId,
  by: s.username,
  createdAt: iso(s.createdAt),
});

const toHistoryEntry = (d: DefectRow, mask: Masker): CoachingHistoryEntry => ({
  code: d.code,
  evaluationId: d.evaluationId,
  recordingId: d.recordingId,
  comment: mask.text(d.comment),
  at: d.at,
  createdAt: iso(d.createdAt),
});

export function toCoachingItemDetail(
  r: CoachingItemRow,
  defects: { defects: DefectRow[]; sections: ChecklistSection[] },
  sessions: CoachingSessionEntity[],
  history: DefectRow[],
  mask: Masker,
): CoachingItemDetail {
  const titles = new Map(itemsOf(defects.sections).map((i) => [i.code, i.title]));
  return {
    ...toCoachingItem(r),
    defects: defects.defects.map((d) => toDefect(d, titles, mask)),
    sessions: sessions.map(toSession),
    history: history.map((d) => toHistoryEntry(d, mask)),
  };
}
