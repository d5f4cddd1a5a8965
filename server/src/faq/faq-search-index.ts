import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '#server/config/app-config.js';
import type { FaqStatusValue } from './faq.entity.js';
import { FaqRepository, type FaqSearchCriteria, type FaqSearchRow, type FaqSnapshotRow } from './faq.repository.js';

/** One copy of an entry (its working copy, or the version agents see) as the search reads it. */
interface Copy {
  question: string;
  answer: string;
  tags: string[];
  alternatives: string[];
  searchQuestion: string;
  searchAlternatives: string;
  alternativesList: string[];
  searchAnswer: string;
  at: Date;
  /** `at` in microseconds, as PostgreSQL orders it (a Date keeps milliseconds only). */
  micros: number;
  /** Characters of the normalised question (PostgreSQL's `length`: code points, not UTF-16 units). */
  questionLength: number;
  astral: boolean;
}

interface Doc {
  id: string;
  status: FaqStatusValue;
  projectId: string | null;
  project: string | null;
  businessType: string | null;
  publishedVersion: number | null;
  working: Copy;
  published: Copy | null;
}

interface Snapshot {
  generation: bigint;
  docs: Doc[];
}

const ASTRAL = /[\uD800-\uDFFF]/;

function copyOf(c: {
  question: string;
  answer: string;
  tags: string[];
  alternatives: string[];
  searchQuestion: string;
  searchAlternatives: string;
  searchAnswer: string;
  at: Date;
  micros: number;
}): Copy {
  const astral = ASTRAL.test(c.searchQuestion);
  return {
    ...c,
    alternativesList: c.searchAlternatives ? c.searchAlternatives.split('|') : [],
    questionLength: astral ? Array.from(c.searchQuestion).length : c.searchQuestion.length,
    astral,
  };
}

function docOf(r: FaqSnapshotRow): Doc {
  const working = copyOf({ ...r, at: r.updatedAt, micros: r.updatedMicros });
  const published =
    r.publishedQuestion === null
      ? null
      : copyOf({
          question: r.publishedQuestion,
          answer: r.publishedAnswer ?? '',
          tags: r.publishedTags ?? [],
          alternatives: r.publishedAlternatives ?? [],
          searchQuestion: r.publishedSearchQuestion ?? '',
          searchAlternatives: r.publishedSearchAlternatives ?? '',
          searchAnswer: r.publishedSearchAnswer ?? '',
          at: r.publishedAt!,
          micros: r.publishedMicros!,
        });
  return {
    id: r.id,
    status: r.status,
    projectId: r.projectId,
    project: r.project,
    businessType: r.businessType,
    publishedVersion: r.publishedVersion,
    working,
    published,
  };
}

interface Match {
  doc: Doc;
  copy: Copy;
  rank: number | null;
  position: number;
}

/** PostgreSQL's `strpos`: the 1-based character position of `q` in `text`, 0 when absent. */
function strpos(copy: Copy, q: string): number {
  const at = copy.searchQuestion.indexOf(q);
  if (at < 0) return 0;
  return (copy.astral ? Array.from(copy.searchQuestion.slice(0, at)).length : at) + 1;
}

/**
 * The same search as `FaqRepository.searchInDatabase`, over the entries held in memory: the same
 * filter, the same ranks (FAQ_RANKS) and the same order, so either answers identically (a test holds
 * them together). A frequent word matches thousands of entries; the database reads and sorts them
 * all for one page and an exact total, which cost 100–300 ms at 20,000 entries; here it is a scan
 * of strings already in memory.
 */
export function searchDocs(docs: readonly Doc[], f: FaqSearchCriteria): { total: number; rows: FaqSearchRow[] } {
  const published = f.copy === 'published';
  const q = f.q;
  const matches: Match[] = [];
  for (const doc of docs) {
    if (published ? doc.status === 'retired' || !doc.published : f.status ? doc.status !== f.status : doc.status === 'retired') continue;
    const copy = published ? doc.published! : doc.working;
    if (f.tag && !copy.tags.includes(f.tag)) continue;
    if (f.projectId && doc.projectId !== null && doc.projectId !== f.projectId) continue;
    if (!q) {
      matches.push({ doc, copy, rank: null, position: 0 });
      continue;
    }
    const inQuestion = copy.searchQuestion.includes(q);
    const inAlternatives = copy.searchAlternatives.includes(q);
    if (!inQuestion && !inAlternatives && !copy.searchAnswer.includes(q)) continue;
    const rank = copy.searchQuestion === q ? 0 : copy.alternativesList.includes(q) ? 1 : inQuestion ? 2 : inAlternatives ? 3 : 4;
    matches.push({ doc, copy, rank, position: inQuestion ? strpos(copy, q) : 0 });
  }
  const byTime = (a: Match, b: Match) => b.copy.micros - a.copy.micros || (a.doc.id < b.doc.id ? -1 : a.doc.id > b.doc.id ? 1 : 0);
  matches.sort((a, b) => (!q ? byTime(a, b) : (a.rank ?? 0) - (b.rank ?? 0) || a.position - b.position || a.copy.questionLength - b.copy.questionLength || byTime(a, b)));
  const start = (f.page - 1) * f.pageSize;
  const rows = matches.slice(start, start + f.pageSize).map(({ doc, copy, rank }) => ({
    id: doc.id,
    question: copy.question,
    answer: copy.answer,
    tags: copy.tags,
    alternatives: copy.alternatives,
    status: published ? ('published' as const) : doc.status,
    updatedAt: copy.at,
    project: doc.project,
    businessType: doc.businessType,
    publishedVersion: doc.publishedVersion,
    rank,
  }));
  return { total: matches.length, rows };
}

/**
 * Each process's copy of the FAQ for searching, reloaded whenever the database's change count
 * (`faq_search_generation`, bumped in every writing transaction) differs from the one it was loaded
 * at: one indexed read per search keeps every process, on any machine, answering what is committed.
 */
@Injectable()
export class FaqSearchIndex {
  private snapshot: Snapshot | null = null;
  private loading: { generation: bigint; done: Promise<Snapshot> } | null = null;

  constructor(
    private readonly repo: FaqRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async search(f: FaqSearchCriteria): Promise<{ total: number; rows: FaqSearchRow[] }> {
    if (!this.config.faqSearchIndex) return this.repo.searchInDatabase(f);
    const generation = await this.repo.searchGeneration();
    const snapshot = this.snapshot?.generation === generation ? this.snapshot : await this.load(generation);
    return searchDocs(snapshot.docs, f);
  }

  /** Loads the entries for `generation` (read before the rows, so a change committed meanwhile only makes the next search load again). */
  private load(generation: bigint): Promise<Snapshot> {
    if (this.loading?.generation === generation) return this.loading.done;
    const done = this.repo.searchSnapshot().then((rows) => {
      const snapshot = { generation, docs: rows.map(docOf) };
      if (!this.snapshot || this.snapshot.generation <= generation) this.snapshot = snapshot;
      return snapshot;
    });
    const loading = { generation, done };
    this.loading = loading;
    const settle = () => {
      if (this.loading === loading) this.loading = null;
    };
    done.then(settle, settle);
    return done;
  }
}
