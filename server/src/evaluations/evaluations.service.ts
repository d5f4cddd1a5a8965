import { Injectable } from '@nestjs/common';
import type { Evaluation, EvaluationHistoryEntry } from '#shared/api/evaluations.js';
import { type ChecklistItem, type EvaluationSource, itemsOf } from '#shared/checklists/types.js';
import { localDateOf } from '#shared/dates.js';
import { maskerFor } from '#shared/masking.js';
import { can } from '#shared/permissions.js';
import { scoreEvaluation } from '#shared/scoring/score.js';
import type { AuthUser } from '#server/auth/auth-user.js';
import { ScopeService } from '#server/auth/scope.service.js';
import { ChecklistsService } from '#server/checklists/checklists.service.js';
import { CoachingService } from '#server/coaching/coaching.service.js';
import { DomainError, invalid, notFound, permissionDenied } from '#server/common/domain-error.js';
import { AutocheckService } from '#server/autocheck/autocheck.service.js';
import { TransactionRunner, type Transaction } from '#server/database/transaction.js';
import type { RecordingRow } from '#server/recordings/recording.repository.js';
import type { AmendDto, CreateEvaluationDto, EvaluationItemInputDto, SaveDraftDto, StartDraftDto } from './evaluation.dto.js';
import { type EvaluationEntity, type EvaluationHistoryEntity, EvaluationStatus } from './evaluation.entity.js';
import { toEvaluation, toHistoryEntry } from './evaluation.mapper.js';
import { EvaluationRepository, type ItemChanges } from './evaluation.repository.js';

type ScoredItem = { code: string; verdict: 'pass' | 'fail' | 'na' | null; comment?: string | null; at?: number | null; until?: number | null };

/** What an evaluation copies from the call it scores, so that roll-ups and scope filters need no joins. */
const fromCall = (recording: RecordingRow) => ({
  recordingId: recording.id,
  agentId: recording.agentId,
  teamId: recording.teamId,
  projectId: recording.projectId,
  callDate: recording.localDate,
});

@Injectable()
export class EvaluationsService {
  constructor(
    private readonly evaluations: EvaluationRepository,
    private readonly scope: ScopeService,
    private readonly transaction: TransactionRunner,
    private readonly checklists: ChecklistsService,
    private readonly autocheck: AutocheckService,
    private readonly coaching: CoachingService,
  ) {}

  /** A team lead listens to his own team's calls as a spot check; the other sources are the inspectors'. */
  private checkSource(user: AuthUser, source: EvaluationSource): void {
    if (!can(user.roles, 'evaluation.anySource') && source !== 'spot-check') throw permissionDenied('Forbidden: a team lead scores calls as spot-check only');
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

  /**
   * CONTRACT.md `POST /api/evaluations`: a finished evaluation in one call. Stored as a draft with its
   * items, then submitted (scored, stamped, written to the history) in the same transaction.
   */
  async create(user: AuthUser, dto: CreateEvaluationDto): Promise<Evaluation> {
    this.checkSource(user, dto.source);
    const recording = await this.scope.recording(user, dto.recordingId);
    const version = await this.checklists.activeEntity();
    const checklist = itemsOf(version.sections);
    this.checkItems(checklist, dto.items, true);
    const { auto } = await this.machineVerdicts(user, recording.id);
    // Scored without the machine's verdicts when the call was given blind (they are refused to him until submit).
    const blind = dto.source === 'daily' && (await this.autocheck.isBlind(recording.id, user.id));
    const calibrationSessionId = await this.calibrationSessionOf(user, recording.id, dto.source);
    const id = await this.transaction.run(async (tx) => {
      const evaluationId = await this.evaluations.insert(
        { ...fromCall(recording), inspectorId: user.id, checklistVersionId: version.id, source: dto.source, comment: dto.comment ?? null, blind, calibrationSessionId },
        tx,
      );
      await this.writeItems(evaluationId, checklist, dto.items, auto, tx);
      await this.submitScored(user, evaluationId, tx);
      return evaluationId;
    });
    return this.get(user, id);
  }

  /** Opens (or reopens) the caller's draft on a call: the workspace's first request. */
  async startDraft(user: AuthUser, dto: StartDraftDto): Promise<Evaluation> {
    this.checkSource(user, dto.source);
    const recording = await this.scope.recording(user, dto.recordingId);
    const existing = await this.evaluations.openDraftId(recording.id, user.id);
    if (existing) return this.get(user, existing);
    const version = await this.checklists.activeEntity();
    const checklist = itemsOf(version.sections);
    // The machine's verdicts pre-fill the form as suggestions; the inspector accepts or overrides each.
    // A blind call (issue 15) starts empty: its verdicts are kept beside the inspector's, unseen, to
    // measure the rules' agreement without the anchoring a suggestion brings.
    const { auto, evidence } = await this.machineVerdicts(user, recording.id);
    const blind = dto.source === 'daily' && (await this.autocheck.isBlind(recording.id, user.id));
    const suggested = blind ? [] : [...auto].map(([code, verdict]) => ({ code, verdict, at: evidence.get(code)?.start ?? null, until: evidence.get(code)?.end ?? null }));
    const calibrationSessionId = await this.calibrationSessionOf(user, recording.id, dto.source);
    const id = await this.transaction.run(async (tx) => {
      const evaluationId = await this.evaluations.insertDraftIfNone(
        { ...fromCall(recording), inspectorId: user.id, checklistVersionId: version.id, source: dto.source, blind, calibrationSessionId },
        tx,
      );
      if (!evaluationId) return null; // the same inspector opened it twice at once
      await this.writeItems(evaluationId, checklist, suggested, auto, tx);
      await this.history(user, evaluationId, 'created', null, { source: dto.source }, tx);
      return evaluationId;
    });
    return id ? this.get(user, id) : this.startDraft(user, dto);
  }

  /** Saves a draft only if nobody saved it since `revision` was read: a conflict is a 409, never a silent overwrite. */
  async saveDraft(user: AuthUser, id: string, dto: SaveDraftDto): Promise<Evaluation> {
    const evaluation = await this.ownDraft(user, id);
    const checklist = await this.checklistOf(evaluation.checklistVersionId);
    this.checkItems(checklist, dto.items, false);
    await this.transaction.run(async (tx) => {
      if (!(await this.evaluations.bumpDraftRevision(id, dto.revision, dto.comment, tx))) throw this.stale();
      const changed: { code: string; changes: ItemChanges }[] = [];
      for (const item of dto.items) {
        const changes: ItemChanges = {};
        if (item.verdict !== undefined) changes.verdict = item.verdict;
        if (item.comment !== undefined) changes.comment = item.comment;
        if (item.at !== undefined) changes.at = item.at;
        if (item.until !== undefined) changes.until = item.until;
        if (Object.keys(changes).length) changed.push({ code: item.code, changes });
      }
      await this.evaluations.updateItems(id, changed, tx);
    });
    return this.get(user, id);
  }

  async submit(user: AuthUser, id: string, revision: number): Promise<Evaluation> {
    await this.ownDraft(user, id);
    const items = await this.evaluations.items(id);
    const unscored = items.filter((i) => !i.verdict).map((i) => i.code);
    if (unscored.length) throw invalid('items', `score every item before submitting; missing ${unscored.join(', ')}`, 'missingVerdicts', { codes: unscored });
    await this.transaction.run(async (tx) => {
      if (!(await this.evaluations.bumpDraftRevision(id, revision, undefined, tx))) throw this.stale();
      await this.submitScored(user, id, tx);
    });
    return this.get(user, id);
  }

  /** After submission only a supervisor may change an evaluation, with a reason; both states are kept. */
  async amend(user: AuthUser, id: string, dto: AmendDto): Promise<Evaluation> {
    await this.transaction.run((tx) => this.amendWithin(user, id, dto, tx));
    return this.get(user, id);
  }

  /**
   * The amendment itself, inside the caller's transaction: the amend route's, or a dispute's when an
   * item is upheld (issue 15: the inspector accepting, the supervisor ruling). The caller has checked
   * who may amend; the history, defects, coaching item and roll-ups follow here in either case.
   */
  async amendWithin(user: AuthUser, id: string, dto: Pick<AmendDto, 'reason' | 'items'>, tx: Transaction): Promise<void> {
    const before = await this.get(user, id);
    if (before.status !== EvaluationStatus.Submitted)
      throw new DomainError('EVALUATION_NOT_SUBMITTED', 'Only a submitted evaluation is amended; a draft is simply saved');
    const checklist = await this.checklistOf(before.checklistVersionId);
    this.checkItems(checklist, dto.items, false);
    await this.evaluations.updateItems(
      id,
      dto.items.map((item) => ({ code: item.code, changes: { verdict: item.verdict, comment: item.comment ?? null, at: item.at ?? null, until: item.until ?? null } })),
      tx,
    );
    await this.evaluations.bumpRevision(id, tx);
    const after = await this.score(id, tx);
    await this.history(
      user,
      id,
      'amended',
      dto.reason,
      {
        before: {
          score: before.score,
          fatal: before.fatal,
          items: before.items.filter((i) => dto.items.some((d) => d.code === i.code)).map((i) => ({ code: i.code, verdict: i.verdict })),
        },
        after: { ...after, items: dto.items.map((i) => ({ code: i.code, verdict: i.verdict })) },
      },
      tx,
    );
    // The defects, coaching item and roll-ups follow the new verdicts (and the amendment, for the
    // inspectors' figures): replaced, never counted twice.
    await this.coaching.recordEvaluation(id, tx);
  }

  async get(user: AuthUser, id: string): Promise<Evaluation> {
    await this.readable(user, id);
    const row = await this.evaluations.byId(id);
    if (!row) throw notFound('Evaluation');
    return toEvaluation(row, maskerFor(user.roles));
  }

  async historyOf(user: AuthUser, id: string): Promise<EvaluationHistoryEntry[]> {
    await this.readable(user, id);
    return (await this.evaluations.history(id)).map(toHistoryEntry);
  }

  /**
   * A calibration evaluation belongs to the open session of the call the scorer takes part in (issue 15),
   * if there is one: the session's results read it. Without one (a script moving history in) it stands alone.
   */
  private async calibrationSessionOf(user: AuthUser, recordingId: string, source: EvaluationSource): Promise<string | null> {
    return source === 'calibration' ? this.evaluations.openCalibrationSessionOf(recordingId, user.id) : null;
  }

  /**
   * The evaluation if the caller may read it: in their scope, a draft only to its own inspector, and
   * not someone else's on a call of a calibration session the caller takes part in before its reveal.
   */
  private async readable(user: AuthUser, id: string): Promise<EvaluationEntity> {
    const evaluation = await this.scope.evaluation(user, id);
    if (evaluation.inspectorId !== user.id && (await this.evaluations.blindTo(id, user.id)))
      throw new DomainError('CALIBRATION_BLIND', 'Forbidden: this call is in a calibration session you take part in that is not revealed yet');
    // A draft is its inspector's work in progress; others see it once submitted.
    if (evaluation.status === EvaluationStatus.Draft && evaluation.inspectorId !== user.id && !can(user.roles, 'evaluation.readAnyDraft')) {
      throw notFound('Evaluation');
    }
    return evaluation;
  }

  private async ownDraft(user: AuthUser, id: string): Promise<EvaluationEntity> {
    const evaluation = await this.scope.evaluation(user, id);
    if (evaluation.inspectorId !== user.id) throw new DomainError('NOT_YOUR_DRAFT', 'Forbidden: this draft belongs to another inspector');
    if (evaluation.status !== EvaluationStatus.Draft) throw new DomainError('EVALUATION_LOCKED', 'This evaluation is submitted and locked; a supervisor may amend it');
    return evaluation;
  }

  private async checklistOf(versionId: string): Promise<ChecklistItem[]> {
    return itemsOf((await this.checklists.entity(versionId)).sections);
  }

  private stale() {
    return new DomainError(
      'STALE_REVISION',
      'This evaluation was saved elsewhere (another tab or inspector) since you opened it: reload to see the latest, then redo your change',
    );
  }

  /**
   * The automatic verdicts on the call (not `na`) by item code, and where each failed rule's first
   * evidence is, so that a draft's defect already points at that moment.
   */
  private async machineVerdicts(user: AuthUser, recordingId: string) {
    const { results } = await this.autocheck.verdicts(user, recordingId);
    const scored = results.filter((r) => r.verdict !== 'na');
    return {
      auto: new Map(scored.map((r) => [r.code, r.verdict as 'pass' | 'fail'])),
      evidence: new Map(scored.filter((r) => r.verdict === 'fail' && r.evidence.length).map((r) => [r.code, { start: r.evidence[0].start, end: r.evidence[0].end }])),
    };
  }

  /** One item per checklist item, in its order, with its points as they are now and any verdict given. */
  private async writeItems(
    evaluationId: string,
    checklist: ChecklistItem[],
    scored: ScoredItem[] | EvaluationItemInputDto[],
    auto: Map<string, 'pass' | 'fail'>,
    tx: Transaction,
  ): Promise<void> {
    const byCode = new Map((scored as ScoredItem[]).map((s) => [s.code, s]));
    await this.evaluations.insertItems(
      checklist.map((item, position) => {
        const s = byCode.get(item.code);
        return {
          evaluationId,
          code: item.code,
          position,
          points: item.points,
          critical: item.critical,
          verdict: s?.verdict ?? null,
          comment: s?.comment ?? null,
          at: s?.at ?? null,
          until: s?.until ?? null,
          autoVerdict: auto.get(item.code) ?? null,
        };
      }),
      tx,
    );
  }

  /** Computes and stores earned points per item and the evaluation's score with the shared rule. */
  private async score(id: string, tx: Transaction) {
    const items = await this.evaluations.items(id, tx);
    const result = scoreEvaluation(items.map((i) => ({ points: i.points, critical: i.critical, verdict: i.verdict ?? 'na' })));
    const earned = items.map((i) => ({ code: i.code, earned: i.verdict === 'pass' ? i.points : i.verdict === 'fail' ? 0 : null }));
    await this.evaluations.storeScore(id, earned, { score: result.score, fatal: result.fatal, earned: result.earned, possible: result.possible }, tx);
    return { score: result.score, fatal: result.fatal };
  }

  /** Locks the evaluation as submitted today (the centre's local day), scores it and records it. */
  private async submitScored(user: AuthUser, id: string, tx: Transaction): Promise<void> {
    const now = new Date();
    await this.evaluations.markSubmitted(id, now, localDateOf(now, process.env.TZ), tx);
    const result = await this.score(id, tx);
    await this.history(user, id, 'submitted', null, result, tx);
    // Its defects and the agent's coaching item, in the same transaction: the lead lists it as soon as the submit answers.
    await this.coaching.recordEvaluation(id, tx);
  }

  private async history(
    user: AuthUser,
    evaluationId: string,
    action: EvaluationHistoryEntity['action'],
    reason: string | null,
    change: Record<string, unknown> | null,
    tx: Transaction,
  ): Promise<void> {
    await this.evaluations.addHistory({ evaluationId, userId: user.id, username: user.username, action, reason, change }, tx);
  }
}
