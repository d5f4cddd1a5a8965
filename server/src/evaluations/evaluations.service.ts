import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Evaluation, EvaluationHistoryEntry } from '../../../shared/src/api/evaluations.js';
import { type ChecklistItem, type EvaluationSource, itemsOf } from '../../../shared/src/checklists/types.js';
import { localDateOf } from '../../../shared/src/dates.js';
import { Role } from '../../../shared/src/org.js';
import { scoreEvaluation } from '../../../shared/src/scoring/score.js';
import { requireAccess } from '../auth/access.js';
import type { AuthUser } from '../auth/auth-user.js';
import { ChecklistsService } from '../checklists/checklists.service.js';
import { DomainError, invalid, notFound, permissionDenied } from '../common/domain-error.js';
import { AutocheckService } from '../autocheck/autocheck.service.js';
import { RecordingsService } from '../recordings/recordings.service.js';
import type { AmendDto, CreateEvaluationDto, EvaluationItemInputDto, SaveDraftDto, StartDraftDto } from './evaluation.dto.js';
import { EvaluationEntity, EvaluationHistoryEntity, EvaluationItemEntity, EvaluationStatus } from './evaluation.entity.js';
import { EvaluationRepository } from './evaluation.repository.js';

type ScoredItem = { code: string; verdict: 'pass' | 'fail' | 'na' | null; comment?: string | null; at?: number | null; until?: number | null };

@Injectable()
export class EvaluationsService {
  constructor(
    private readonly db: DataSource,
    private readonly evaluations: EvaluationRepository,
    private readonly checklists: ChecklistsService,
    private readonly recordings: RecordingsService,
    private readonly autocheck: AutocheckService,
  ) {}

  /** A team lead listens to his own team's calls as a spot check; the other sources are the inspectors'. */
  private checkSource(user: AuthUser, source: EvaluationSource): void {
    const elevated = user.roles.some((r) => r === Role.Admin || r === Role.Supervisor || r === Role.Inspector);
    if (!elevated && source !== 'spot-check') throw permissionDenied('Forbidden: a team lead scores calls as spot-check only');
  }

  /** Checks the verdicts against the checklist: every item once, known codes, N/A only where allowed. */
  private checkItems(checklist: ChecklistItem[], items: { code: string; verdict?: string | null }[], complete: boolean): void {
    const known = new Map(checklist.map((i) => [i.code, i]));
    const seen = new Set<string>();
    items.forEach((item, n) => {
      const def = known.get(item.code);
      if (!def) throw invalid(`items[${n}].code`, `unknown item code ${item.code}`, 'unknown', { value: item.code });
      if (seen.has(item.code)) throw invalid(`items[${n}].code`, `${item.code} is scored twice`, 'twice', { value: item.code });
      seen.add(item.code);
      if (item.verdict === 'na' && !def.allowNa) throw invalid(`items[${n}].verdict`, `${item.code} does not allow N/A`, 'naNotAllowed', { value: item.code });
    });
    if (complete) {
      const missing = checklist.filter((i) => !seen.has(i.code)).map((i) => i.code);
      if (missing.length) throw invalid('items', `missing verdicts for ${missing.join(', ')}`, 'missingVerdicts', { codes: missing });
    }
  }

  async create(user: AuthUser, dto: CreateEvaluationDto): Promise<Evaluation> {
    this.checkSource(user, dto.source);
    const recording = await this.recordings.visible(user, dto.recordingId);
    const version = await this.checklists.activeEntity();
    const checklist = itemsOf(version.sections);
    this.checkItems(checklist, dto.items, true);
    const { auto } = await this.machineVerdicts(user, recording.id);
    const id = await this.db.transaction(async (m) => {
      const evaluation = await m.getRepository(EvaluationEntity).save({
        recordingId: recording.id,
        agentId: recording.agentId,
        teamId: recording.teamId,
        projectId: recording.projectId,
        callDate: recording.localDate,
        inspectorId: user.id,
        checklistVersionId: version.id,
        source: dto.source,
        status: EvaluationStatus.Draft,
        comment: dto.comment ?? null,
      });
      await this.writeItems(m, evaluation.id, checklist, dto.items, auto);
      await this.finish(m, user, evaluation.id, 'submitted');
      return evaluation.id;
    });
    return this.get(user, id);
  }

  /** Opens (or reopens) the caller's draft on a call: the workspace's first request. */
  async startDraft(user: AuthUser, dto: StartDraftDto): Promise<Evaluation> {
    this.checkSource(user, dto.source);
    const recording = await this.recordings.visible(user, dto.recordingId);
    const existing: { id: string }[] = await this.db.query(`SELECT id FROM evaluations WHERE "recordingId" = $1 AND "inspectorId" = $2 AND status = 'draft'`, [recording.id, user.id]);
    if (existing.length) return this.get(user, existing[0].id);
    const version = await this.checklists.activeEntity();
    const checklist = itemsOf(version.sections);
    // The machine's verdicts pre-fill the form as suggestions; the inspector accepts or overrides each.
    const { auto, evidence } = await this.machineVerdicts(user, recording.id);
    const suggested = [...auto].map(([code, verdict]) => ({ code, verdict, at: evidence.get(code)?.start ?? null, until: evidence.get(code)?.end ?? null }));
    const id = await this.db.transaction(async (m) => {
      const inserted = await m
        .createQueryBuilder()
        .insert()
        .into(EvaluationEntity)
        .values({ recordingId: recording.id, agentId: recording.agentId, teamId: recording.teamId, projectId: recording.projectId, callDate: recording.localDate, inspectorId: user.id, checklistVersionId: version.id, source: dto.source })
        .orIgnore()
        .returning('id')
        .execute();
      if (!inserted.raw.length) return null; // the same inspector opened it twice at once
      const evaluationId = inserted.raw[0].id as string;
      await this.writeItems(m, evaluationId, checklist, suggested, auto);
      await this.history(m, user, evaluationId, 'created', null, { source: dto.source });
      return evaluationId;
    });
    return id ? this.get(user, id) : this.startDraft(user, dto);
  }

  /** Saves a draft only if nobody saved it since `revision` was read: a conflict is a 409, never a silent overwrite. */
  async saveDraft(user: AuthUser, id: string, dto: SaveDraftDto): Promise<Evaluation> {
    const evaluation = await this.ownDraft(user, id);
    const checklist = await this.checklistOf(evaluation.checklistVersionId);
    this.checkItems(checklist, dto.items, false);
    await this.db.transaction(async (m) => {
      await this.bumpRevision(m, id, dto.revision, dto.comment);
      for (const item of dto.items) {
        const changes: Partial<EvaluationItemEntity> = {};
        if (item.verdict !== undefined) changes.verdict = item.verdict;
        if (item.comment !== undefined) changes.comment = item.comment;
        if (item.at !== undefined) changes.at = item.at;
        if (item.until !== undefined) changes.until = item.until;
        if (Object.keys(changes).length) await m.update(EvaluationItemEntity, { evaluationId: id, code: item.code }, changes);
      }
    });
    return this.get(user, id);
  }

  async submit(user: AuthUser, id: string, revision: number): Promise<Evaluation> {
    await this.ownDraft(user, id);
    const items = await this.db.getRepository(EvaluationItemEntity).findBy({ evaluationId: id });
    const unscored = items.filter((i) => !i.verdict).map((i) => i.code);
    if (unscored.length) throw invalid('items', `score every item before submitting; missing ${unscored.join(', ')}`, 'missingVerdicts', { codes: unscored });
    await this.db.transaction(async (m) => {
      await this.bumpRevision(m, id, revision);
      await this.finish(m, user, id, 'submitted');
    });
    return this.get(user, id);
  }

  /** After submission only a supervisor may change an evaluation, with a reason; both states are kept. */
  async amend(user: AuthUser, id: string, dto: AmendDto): Promise<Evaluation> {
    const before = await this.get(user, id);
    if (before.status !== EvaluationStatus.Submitted) throw new DomainError('EVALUATION_NOT_SUBMITTED', 'Only a submitted evaluation is amended; a draft is simply saved');
    const evaluation = await this.db.getRepository(EvaluationEntity).findOneByOrFail({ id });
    const checklist = await this.checklistOf(evaluation.checklistVersionId);
    this.checkItems(checklist, dto.items, false);
    await this.db.transaction(async (m) => {
      for (const item of dto.items) {
        await m.update(EvaluationItemEntity, { evaluationId: id, code: item.code }, { verdict: item.verdict, comment: item.comment ?? null, at: item.at ?? null, until: item.until ?? null });
      }
      await m.query(`UPDATE evaluations SET revision = revision + 1 WHERE id = $1`, [id]);
      const after = await this.score(m, id);
      await this.history(m, user, id, 'amended', dto.reason, {
        before: { score: before.score, fatal: before.fatal, items: before.items.filter((i) => dto.items.some((d) => d.code === i.code)).map((i) => ({ code: i.code, verdict: i.verdict })) },
        after: { ...after, items: dto.items.map((i) => ({ code: i.code, verdict: i.verdict })) },
      });
    });
    return this.get(user, id);
  }

  async get(user: AuthUser, id: string): Promise<Evaluation> {
    const evaluation = await this.evaluations.byId(id);
    if (!evaluation) throw notFound('Evaluation');
    requireAccess(user, { teamId: evaluation.teamId });
    // A draft is its inspector's work in progress; others see it once submitted.
    if (evaluation.status === EvaluationStatus.Draft && evaluation.inspectorId !== user.id && !user.roles.includes(Role.Supervisor) && !user.roles.includes(Role.Admin)) {
      throw notFound('Evaluation');
    }
    const { teamId: _t, inspectorId: _i, ...dto } = evaluation;
    return dto;
  }

  async historyOf(user: AuthUser, id: string): Promise<EvaluationHistoryEntry[]> {
    await this.get(user, id);
    const rows = await this.db.getRepository(EvaluationHistoryEntity).find({ where: { evaluationId: id }, order: { id: 'ASC' } });
    return rows.map((h) => ({ at: h.at.toISOString(), username: h.username, action: h.action, reason: h.reason, change: h.change }));
  }

  private async ownDraft(user: AuthUser, id: string): Promise<EvaluationEntity> {
    const evaluation = await this.db.getRepository(EvaluationEntity).findOneBy({ id });
    if (!evaluation) throw notFound('Evaluation');
    requireAccess(user, { teamId: evaluation.teamId });
    if (evaluation.inspectorId !== user.id) throw new DomainError('NOT_YOUR_DRAFT', 'Forbidden: this draft belongs to another inspector');
    if (evaluation.status !== EvaluationStatus.Draft) throw new DomainError('EVALUATION_LOCKED', 'This evaluation is submitted and locked; a supervisor may amend it');
    return evaluation;
  }

  private async checklistOf(versionId: string): Promise<ChecklistItem[]> {
    return itemsOf((await this.checklists.get(versionId)).sections);
  }

  private async bumpRevision(m: EntityManager, id: string, revision: number, comment?: string | null): Promise<void> {
    const set: Record<string, unknown> = { revision: () => 'revision + 1' };
    if (comment !== undefined) set.comment = comment;
    const result = await m
      .createQueryBuilder()
      .update(EvaluationEntity)
      .set(set)
      .where('id = :id AND revision = :revision AND status = :status', { id, revision, status: EvaluationStatus.Draft })
      .execute();
    if (!result.affected) throw this.stale();
  }

  private stale() {
    return new DomainError('STALE_REVISION', 'This evaluation was saved elsewhere (another tab or inspector) since you opened it: reload to see the latest, then redo your change');
  }

  /**
   * The automatic verdicts on the call (not `na`) by item code, and where each failed rule's first
   * evidence is, so that a draft's defect already points at that moment.
   */
  private async machineVerdicts(user: AuthUser, recordingId: string) {
    const { results } = await this.autocheck.forRecording(user, recordingId);
    const scored = results.filter((r) => r.verdict !== 'na');
    return {
      auto: new Map(scored.map((r) => [r.code, r.verdict as 'pass' | 'fail'])),
      evidence: new Map(scored.filter((r) => r.verdict === 'fail' && r.evidence.length).map((r) => [r.code, { start: r.evidence[0].start, end: r.evidence[0].end }])),
    };
  }

  private async writeItems(m: EntityManager, evaluationId: string, checklist: ChecklistItem[], scored: ScoredItem[] | EvaluationItemInputDto[], auto: Map<string, 'pass' | 'fail'>): Promise<void> {
    const byCode = new Map((scored as ScoredItem[]).map((s) => [s.code, s]));
    await m.insert(
      EvaluationItemEntity,
      checklist.map((item, position) => {
        const s = byCode.get(item.code);
        return { evaluationId, code: item.code, position, points: item.points, critical: item.critical, verdict: s?.verdict ?? null, comment: s?.comment ?? null, at: s?.at ?? null, until: s?.until ?? null, autoVerdict: auto.get(item.code) ?? null };
      }),
    );
  }

  /** Computes and stores earned points per item and the evaluation's score with the shared rule. */
  private async score(m: EntityManager, id: string) {
    const items = await m.getRepository(EvaluationItemEntity).findBy({ evaluationId: id });
    const result = scoreEvaluation(items.map((i) => ({ points: i.points, critical: i.critical, verdict: i.verdict ?? 'na' })));
    for (const i of items) await m.update(EvaluationItemEntity, { evaluationId: id, code: i.code }, { earned: i.verdict === 'pass' ? i.points : i.verdict === 'fail' ? 0 : null });
    await m.update(EvaluationEntity, { id }, { score: result.score, fatal: result.fatal, earned: result.earned, possible: result.possible });
    return { score: result.score, fatal: result.fatal };
  }

  private async finish(m: EntityManager, user: AuthUser, id: string, action: 'submitted'): Promise<void> {
    const now = new Date();
    await m.update(EvaluationEntity, { id }, { status: EvaluationStatus.Submitted, submittedAt: now, submittedDate: localDateOf(now, process.env.TZ) });
    const result = await this.score(m, id);
    await this.history(m, user, id, action, null, result);
  }

  private async history(m: EntityManager, user: AuthUser, evaluationId: string, action: EvaluationHistoryEntity['action'], reason: string | null, change: Record<string, unknown> | null): Promise<void> {
    await m.insert(EvaluationHistoryEntity, { evaluationId, userId: user.id, username: user.username, action, reason, change: change as never });
  }
}
