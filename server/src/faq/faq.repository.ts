import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { trigramKey } from '#shared/faq/search.js';
import { SqlFilter } from '#server/database/sql-filter.js';
import type { Transaction } from '#server/database/transaction.js';
import { FaqEntryEntity, FaqProposalEntity, type FaqProposalStatusValue, type FaqStatusValue, FaqVersionEntity } from './faq.entity.js';

/** Ranks of a match, best first (see `search`). */
export const FAQ_RANKS = ['question_exact', 'alternative_exact', 'question', 'alternative', 'answer'] as const;

/** One entry as a search lists it: the working copy, or the published version agents see. */
export interface FaqSearchRow {
  id: string;
  question: string;
  answer: string;
  tags: string[];
  alternatives: string[];
  status: FaqStatusValue;
  updatedAt: Date;
  project: string | null;
  businessType: string | null;
  publishedVersion: number | null;
  /** Index into FAQ_RANKS, null without a query. */
  rank: number | null;
}

export interface FaqSearchCriteria {
  /** Normalised query; empty matches everything. */
  q: string;
  /** `working`: the entries' working copies (drafts included); `published`: the versions agents see. */
  copy: 'working' | 'published';
  status?: FaqStatusValue;
  tag?: string;
  projectId?: string;
  page: number;
  pageSize: number;
}

/** One entry as `searchSnapshot` reads it: its working copy, and its published version's columns (null when never published). */
export interface FaqSnapshotRow {
  id: string;
  status: FaqStatusValue;
  projectId: string | null;
  project: string | null;
  businessType: string | null;
  publishedVersion: number | null;
  question: string;
  answer: string;
  tags: string[];
  alternatives: string[];
  searchQuestion: string;
  searchAlternatives: string;
  searchAnswer: string;
  updatedAt: Date;
  updatedMicros: number;
  publishedQuestion: string | null;
  publishedAnswer: string | null;
  publishedTags: string[] | null;
  publishedAlternatives: string[] | null;
  publishedSearchQuestion: string | null;
  publishedSearchAlternatives: string | null;
  publishedSearchAnswer: string | null;
  publishedAt: Date | null;
  publishedMicros: number | null;
}

export interface FaqEntryRow extends FaqEntryEntity {
  project: string | null;
}

export interface FaqProposalRow extends FaqProposalEntity {
  agent: string;
  team: string;
  projectId: string;
  teamId: string;
  entryQuestion: string | null;
}

export type NewEntry = Pick<
  FaqEntryEntity,
  | 'question'
  | 'answer'
  | 'tags'
  | 'alternatives'
  | 'projectId'
  | 'businessType'
  | 'ownerId'
  | 'ownerName'
  | 'searchQuestion'
  | 'searchAlternatives'
  | 'searchAnswer'
  | 'keyQuestion'
  | 'keyAlternatives'
  | 'keyAnswer'
>;
export type EntryContent = Pick<
  FaqEntryEntity,
  | 'question'
  | 'answer'
  | 'tags'
  | 'alternatives'
  | 'projectId'
  | 'businessType'
  | 'searchQuestion'
  | 'searchAlternatives'
  | 'searchAnswer'
  | 'keyQuestion'
  | 'keyAlternatives'
  | 'keyAnswer'
>;

/** Rows an UPDATE … RETURNING answered (TypeORM gives [rows, count] for an UPDATE). */
const returned = <T>(result: unknown[]): T[] => (Array.isArray(result[0]) ? (result[0] as T[]) : (result as T[]));

/** The queries behind the FAQ: entries, their published versions, and proposals from calls. */
@Injectable()
export class FaqRepository {
  constructor(private readonly db: DataSource) {}

  private manager(tx?: Transaction): EntityManager {
    return tx ?? this.db.manager;
  }

  /**
   * Entries whose question, alternative phrasings or answer contain the normalised query, ranked: the
   * question as a whole, an alternative as a whole, part of the question, part of an alternative, the
   * answer; then by where in the question it matched, shorter questions first, most recent first.
   * `LIKE '%q%'` on the normalised columns uses their trigram GIN indexes from three characters on
   * (the query never holds `%`, `_` or `\`: the normaliser drops punctuation).
   */
  async searchInDatabase(f: FaqSearchCriteria): Promise<{ total: number; rows: FaqSearchRow[] }> {
    const published = f.copy === 'published';
    const from = published ? `FROM faq_entries e JOIN faq_versions s ON s."entryId" = e.id AND s.version = e."publishedVersion"` : `FROM faq_entries e`;
    const s = published ? 's' : 'e';
    const filter = new SqlFilter();
    if (published) filter.add(`e.status <> 'retired'`);
    else if (f.status) filter.equals('e.status', f.status);
    else filter.add(`e.status <> 'retired'`);
    if (f.tag) filter.add(`? = ANY(${s}.tags)`, f.tag);
    if (f.projectId) filter.add('(e."projectId" IS NULL OR e."projectId" = ?)', f.projectId);
    if (f.q) {
      // The trigram keys find the candidates through their GIN indexes; the search columns confirm them.
      const key = `%${trigramKey(f.q)}%`;
      filter.add(`(${s}."keyQuestion" LIKE ? OR ${s}."keyAlternatives" LIKE ? OR ${s}."keyAnswer" LIKE ?)`, key, key, key);
      filter.add(`(${s}."searchQuestion" LIKE ? OR ${s}."searchAlternatives" LIKE ? OR ${s}."searchAnswer" LIKE ?)`, `%${f.q}%`, `%${f.q}%`, `%${f.q}%`);
    }
    // The ranking's own parameters come after the filter's, so the fallback count below binds only what it uses.
    const ranked = new SqlFilter([...filter.params]);
    let rank = 'NULL::int';
    let order = `"updatedAt" DESC, e.id`;
    if (f.q) {
      const like = ranked.param(`%${f.q}%`);
      const exact = ranked.param(f.q);
      rank = `CASE WHEN ${s}."searchQuestion" = ${exact} THEN 0
                   WHEN ${exact} = ANY(string_to_array(${s}."searchAlternatives", '|')) THEN 1
                   WHEN ${s}."searchQuestion" LIKE ${like} THEN 2
                   WHEN ${s}."searchAlternatives" LIKE ${like} THEN 3 ELSE 4 END`;
      order = `rank, strpos(${s}."searchQuestion", ${exact}), length(${s}."searchQuestion"), ${order}`;
    }
    // One pass finds the matches, counts them (the window runs before the LIMIT) and ranks the page: a
    // frequent word matches thousands of entries, and reading them twice was most of such a search.
    const rows: (FaqSearchRow & { total: number })[] = await this.db.query(
      `SELECT e.id, ${s}.question, ${s}.answer, ${s}.tags, ${s}.alternatives,
              ${published ? `'published'` : 'e.status'} AS status, ${published ? 's."publishedAt"' : 'e."updatedAt"'} AS "updatedAt",
              p.code AS project, e."businessType", e."publishedVersion", ${rank} AS rank, count(*) OVER ()::int AS total
         ${from} LEFT JOIN projects p ON p.id = e."projectId"
         ${filter.where}
        ORDER BY ${order} LIMIT ${f.pageSize} OFFSET ${(f.page - 1) * f.pageSize}`,
      ranked.params,
    );
    if (rows.length) return { total: rows[0].total, rows: rows.map(({ total: _, ...row }) => row) };
    // A page past the last: nothing to rank, but the total is still asked for.
    const [{ total }] = await this.db.query(`SELECT count(*)::int AS total ${from} ${filter.where}`, filter.params);
    return { total, rows: [] };
  }

  async byId(id: string, tx?: Transaction): Promise<FaqEntryRow | null> {
    const rows = await this.manager(tx).query(
      `SELECT e.*, p.code AS project FROM faq_entries e LEFT JOIN projects p ON p.id = e."projectId" WHERE e.id = $1${tx ? ' FOR UPDATE OF e' : ''}`,
      [id],
    );
    return rows[0] ?? null;
  }

  versions(entryId: string, tx?: Transaction): Promise<FaqVersionEntity[]> {
    return this.manager(tx)
      .getRepository(FaqVersionEntity)
      .find({ where: { entryId }, order: { version: 'DESC' } });
  }

  async projectIdByCode(code: string): Promise<string | null> {
    const rows: { id: string }[] = await this.db.query(`SELECT id FROM projects WHERE code = $1`, [code]);
    return rows[0]?.id ?? null;
  }

  /** How many times the FAQ's entries and versions have changed (see FaqSearchGenerationEntity). */
  async searchGeneration(): Promise<bigint> {
    const [row] = await this.db.query(`SELECT generation FROM faq_search_generation WHERE id = 1`);
    return BigInt(row?.generation ?? 0);
  }

  /** Every entry with its working copy and its published version (if any), for the in-memory search index. */
  searchSnapshot(): Promise<FaqSnapshotRow[]> {
    return this.db.query(
      `SELECT e.id, e.status, e."projectId", p.code AS project, e."businessType", e."publishedVersion",
              e.question, e.answer, e.tags, e.alternatives, e."searchQuestion", e."searchAlternatives", e."searchAnswer",
              e."updatedAt", floor(extract(epoch FROM e."updatedAt") * 1000000)::float8 AS "updatedMicros",
              s.question AS "publishedQuestion", s.answer AS "publishedAnswer", s.tags AS "publishedTags", s.alternatives AS "publishedAlternatives",
              s."searchQuestion" AS "publishedSearchQuestion", s."searchAlternatives" AS "publishedSearchAlternatives", s."searchAnswer" AS "publishedSearchAnswer",
              s."publishedAt", floor(extract(epoch FROM s."publishedAt") * 1000000)::float8 AS "publishedMicros"
         FROM faq_entries e
         LEFT JOIN projects p ON p.id = e."projectId"
         LEFT JOIN faq_versions s ON s."entryId" = e.id AND s.version = e."publishedVersion"`,
    );
  }

  /** Counts a change to the FAQ, in the transaction that makes it (so it is seen exactly when the change is). */
  private async changed(tx?: Transaction): Promise<void> {
    await this.manager(tx).query(
      `INSERT INTO faq_search_generation (id, generation) VALUES (1, 1)
       ON CONFLICT (id) DO UPDATE SET generation = faq_search_generation.generation + 1`,
    );
  }

  // Writing

  async insert(entry: NewEntry, tx?: Transaction): Promise<string> {
    const saved = await this.manager(tx)
      .getRepository(FaqEntryEntity)
      .save({ ...entry, status: 'draft' as const });
    await this.changed(tx);
    return saved.id;
  }

  /**
   * Replaces the working copy when the caller read the current revision and the entry is not retired;
   * a published entry becomes a draft again (agents keep seeing its published version). False otherwise.
   */
  async updateContent(id: string, revision: number, content: EntryContent, tx?: Transaction): Promise<boolean> {
    const rows = await this.manager(tx).query(
      `UPDATE faq_entries SET question = $3, answer = $4, tags = $5, alternatives = $6, "projectId" = $7, "businessType" = $8,
              "searchQuestion" = $9, "searchAlternatives" = $10, "searchAnswer" = $11,
              "keyQuestion" = $12, "keyAlternatives" = $13, "keyAnswer" = $14,
              status = CASE WHEN status = 'published' THEN 'draft'::faq_status ELSE status END,
              revision = revision + 1, "updatedAt" = now()
        WHERE id = $1 AND revision = $2 AND status <> 'retired' RETURNING id`,
      [
        id,
        revision,
        content.question,
        content.answer,
        content.tags,
        content.alternatives,
        content.projectId,
        content.businessType,
        content.searchQuestion,
        content.searchAlternatives,
        content.searchAnswer,
        content.keyQuestion,
        content.keyAlternatives,
        content.keyAnswer,
      ],
    );
    const updated = returned(rows).length > 0;
    if (updated) await this.changed(tx);
    return updated;
  }

  async setStatus(id: string, status: FaqStatusValue, tx: Transaction): Promise<void> {
    await tx.query(`UPDATE faq_entries SET status = $2, revision = revision + 1, "updatedAt" = now() WHERE id = $1`, [id, status]);
    await this.changed(tx);
  }

  /** The working copy becomes version `version`, the one agents see. */
  async publish(entry: FaqEntryEntity, version: number, by: { id: string; username: string }, reason: string | null, tx: Transaction): Promise<void> {
    await tx.getRepository(FaqVersionEntity).insert({
      entryId: entry.id,
      version,
      question: entry.question,
      answer: entry.answer,
      tags: entry.tags,
      alternatives: entry.alternatives,
      searchQuestion: entry.searchQuestion,
      searchAlternatives: entry.searchAlternatives,
      searchAnswer: entry.searchAnswer,
      keyQuestion: entry.keyQuestion,
      keyAlternatives: entry.keyAlternatives,
      keyAnswer: entry.keyAnswer,
      publishedById: by.id,
      publishedBy: by.username,
      reason,
    });
    await tx.query(`UPDATE faq_entries SET status = 'published', "publishedVersion" = $2, revision = revision + 1, "updatedAt" = now() WHERE id = $1`, [
      entry.id,
      version,
    ]);
    await this.changed(tx);
  }

  async retire(id: string, reason: string, by: string, tx: Transaction): Promise<void> {
    await tx.query(
      `UPDATE faq_entries SET status = 'retired', "retiredReason" = $2, "retiredBy" = $3, "retiredAt" = now(), revision = revision + 1, "updatedAt" = now() WHERE id = $1`,
      [id, reason, by],
    );
    await this.changed(tx);
  }

  // Proposals

  async insertProposal(
    p: Omit<FaqProposalEntity, 'id' | 'status' | 'createdAt' | 'recording' | 'entry' | 'acceptedEntryId' | 'decidedBy' | 'decidedAt' | 'decisionNote'>,
  ): Promise<string> {
    const saved = await this.db.getRepository(FaqProposalEntity).save({ ...p, status: 'pending' as const });
    return saved.id;
  }

  private readonly proposalColumns = `x.*, a."employeeNo" AS agent, t.code AS team, r."teamId", r."projectId", fe.question AS "entryQuestion"
      FROM faq_proposals x JOIN recordings r ON r.id = x."recordingId" JOIN agents a ON a.id = r."agentId" JOIN teams t ON t.id = r."teamId"
      LEFT JOIN faq_entries fe ON fe.id = x."entryId"`;

  async proposalById(id: string, tx?: Transaction): Promise<FaqProposalRow | null> {
    const rows = await this.manager(tx).query(`SELECT ${this.proposalColumns} WHERE x.id = $1${tx ? ' FOR UPDATE OF x' : ''}`, [id]);
    return rows[0] ?? null;
  }

  /** Proposals, oldest first, optionally of one status or proposed by one user. */
  proposals(f: { status?: FaqProposalStatusValue; proposedById?: string }): Promise<FaqProposalRow[]> {
    const filter = new SqlFilter().equals('x.status', f.status).equals('x."proposedById"', f.proposedById);
    return this.db.query(`SELECT ${this.proposalColumns} ${filter.where} ORDER BY x."createdAt", x.id LIMIT 500`, filter.params);
  }

  async decideProposal(
    id: string,
    decision: { status: 'accepted' | 'rejected'; decidedBy: string; note: string | null; acceptedEntryId: string | null },
    tx: Transaction,
  ): Promise<boolean> {
    const rows = await tx.query(
      `UPDATE faq_proposals SET status = $2, "decidedBy" = $3, "decidedAt" = now(), "decisionNote" = $4, "acceptedEntryId" = $5
        WHERE id = $1 AND status = 'pending' RETURNING id`,
      [id, decision.status, decision.decidedBy, decision.note, decision.acceptedEntryId],
    );
    return returned(rows).length > 0;
  }

  /**
   * What prompted an entry: per project and checklist item, the calls of the proposals accepted into
   * it (a proposal without an item names no failure rate to follow).
   */
  promptingItems(entryId: string): Promise<{ projectId: string; project: string; code: string; calls: number; acceptedAt: Date }[]> {
    return this.db.query(
      `SELECT r."projectId", p.code AS project, x.code, count(DISTINCT x."recordingId")::int AS calls, min(x."decidedAt") AS "acceptedAt"
         FROM faq_proposals x JOIN recordings r ON r.id = x."recordingId" JOIN projects p ON p.id = r."projectId"
        WHERE x."acceptedEntryId" = $1 AND x.status = 'accepted' AND x.code IS NOT NULL
        GROUP BY r."projectId", p.code, x.code ORDER BY p.code, x.code`,
      [entryId],
    );
  }

  /** The active projects, for suggestions drawn from each one's problems. */
  activeProjects(): Promise<{ id: string; code: string }[]> {
    return this.db.query(`SELECT id, code FROM projects WHERE active ORDER BY code`);
  }

  /**
   * What inspectors wrote on failed items of these codes in a project over a period, newest first:
   * what the agents did not know, in the inspectors' words; at most `limit` of each code.
   */
  failedItemComments(f: {
    projectId: string;
    codes: string[];
    from: string;
    to: string;
    limit: number;
  }): Promise<{ code: string; comment: string; at: number | null; team: string }[]> {
    return this.db.query(
      `SELECT code, comment, at, team FROM (
         SELECT i.code, i.comment, i.at, t.code AS team,
                row_number() OVER (PARTITION BY i.code ORDER BY e."callDate" DESC, e."submittedAt" DESC NULLS LAST, e.id) AS n
           FROM evaluations e JOIN evaluation_items i ON i."evaluationId" = e.id JOIN teams t ON t.id = e."teamId"
          WHERE e."projectId" = $1 AND e."callDate" BETWEEN $3::date AND $4::date AND e.status = 'submitted' AND e.source <> 'calibration'
            AND i.code = ANY($2) AND i.verdict = 'fail' AND coalesce(btrim(i.comment), '') <> '') c
        WHERE n <= $5 ORDER BY code, n`,
      [f.projectId, f.codes, f.from, f.to, f.limit],
    );
  }
}
