import type { CallExample, SharingSession } from '#shared/api/examples.js';
import { itemsOf } from '#shared/checklists/types.js';
import type { Masker } from '#shared/masking.js';
import type { ExampleRow, SessionRow } from './example.repository.js';

const iso = (d: Date | string) => new Date(d).toISOString();

/** Note and customer number go through the caller's masker (`maskerFor`). */
export function toCallExample(x: ExampleRow, mask: Masker): CallExample {
  const titles = new Map(itemsOf(x.sections).map((i) => [i.code, i.title]));
  return {
    id: x.id,
    evaluationId: x.evaluationId,
    recordingId: x.recordingId,
    kind: x.kind,
    items: x.items.map((code) => ({ code, title: titles.get(code) ?? code })),
    note: mask.text(x.note),
    tags: x.tags,
    regions: x.regions,
    project: x.project,
    team: x.team,
    teamName: x.teamName,
    agent: x.agent,
    agentName: x.agentName,
    customerNumber: mask.number(x.customerNumber),
    startedAt: iso(x.startedAt),
    durationSeconds: x.durationSeconds,
    score: x.score,
    author: x.author,
    authorName: x.authorName,
    createdAt: iso(x.createdAt),
    updatedAt: iso(x.updatedAt),
  };
}

export const toSharingSession = (s: SessionRow, examples: CallExample[]): SharingSession => ({
  id: s.id,
  project: s.project,
  date: s.date,
  title: s.title,
  presenter: s.presenter,
  presenterName: s.presenterName,
  createdBy: s.createdBy,
  createdAt: iso(s.createdAt),
  examples,
});
