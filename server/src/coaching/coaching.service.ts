import { Injectable } from '@nestjs/common';
import type { CoachingItem, CoachingItemDetail } from '#shared/api/coaching.js';
import type { Page } from '#shared/api/page.js';
import { localDateOf } from '#shared/dates.js';
import { maskerFor } from '#shared/masking.js';
import type { AuthUser } from '#server/auth/auth-user.js';
import { ScopeService } from '#server/auth/scope.service.js';
import { DomainError, invalid, notFound } from '#server/common/domain-error.js';
import { TransactionRunner, type Transaction } from '#server/database/transaction.js';
import { ReportsService } from '#server/reports/reports.service.js';
import { AutocheckService } from '#server/autocheck/autocheck.service.js';
import type { AcknowledgeDto, CoachingQueryDto, CoachingSessionDto } from './coaching.dto.js';
import { toCoachingItem, toCoachingItemDetail } from './coaching.mapper.js';
import { CoachingRepository, type CoachingItemRow } from './coaching.repository.js';
import { COACHING_CHECK_EVALUATIONS, decideEffect } from './effect-check.js';

/**
 * Defects and coaching items (DOMAIN.md workflow 4). Each submitted evaluation's failed items become
 * its defects and, when there is one, a coaching item for the agent's team lead, in the submit's own
 * transaction, so the lead lists it as soon as the submit has answered; the problems report's totals
 * follow in the same transaction.
 */
@Injectable()
export class CoachingService {
  constructor(
    private readonly coaching: CoachingRepository,
    private readonly scope: ScopeService,
    private readonly transaction: TransactionRunner,
    private readonly reports: ReportsService,
    private readonly autocheck: AutocheckService,
  ) {}

  /**
   * Brings the evaluation's defects and coaching item in line with its verdicts as they stand in `tx`:
   * called on submit and on every amendment. Defects are replaced (never counted twice); the item's
   * codes follow, and it is resolved when nothing fails any more (reopened if something fails again).
   * Drafts and calibration evaluations produce neither.
   */
  async recordEvaluation(evaluationId: string, tx: Transaction): Promise<void> {
    const evaluation = await this.coaching.failuresOf(evaluationId, tx);
    if (!evaluation) return;
    await this.reports.recordEvaluation(evaluationId, tx);
    const counts = evaluation.status === 'submitted' && evaluation.source !== 'calibration';
    const failed = counts ? evaluation.failed : [];
    const { recordingId, agentId, teamId, projectId } = evaluation;
    await this.coaching.lockAgent(agentId, tx);
    await this.coaching.replaceDefects(
      evaluationId,
      failed.map((f) => ({ evaluationId, recordingId, agentId, teamId, projectId, code: f.code, critical: f.critical, comment: f.comment, at: f.at })),
      tx,
    );
    const codes = failed.map((f) => f.code);
    const fatal = failed.some((f) => f.critical);
    const item = await this.coaching.itemOfEvaluation(evaluationId, tx);
    if (!item) {
      if (codes.length) await this.coaching.insertItem({ evaluationId, recordingId, agentId, teamId, projectId, codes, fatal }, tx);
    } else {
      const status = !codes.length ? 'resolved' : item.status === 'resolved' ? 'open' : item.status;
      const same = status === item.status && fatal === item.fatal && codes.join() === item.codes.join();
      if (!same) await this.coaching.updateCodes(item.id, { codes: codes.length ? codes : item.codes, fatal, status }, tx);
    }
    // This evaluation may be one that decides the effect of the agent's earlier coaching: decide again.
    await this.checkEffects(agentId, tx);
  }

  /**
   * Decides again, from scratch, the effect check of each of the agent's coached items (effect-check.ts):
   * a submit, an amendment or a new one-to-one can each change it, and nothing is counted twice. A
   * changed decision moves the item's status and is kept as an event.
   */
  private async checkEffects(agentId: string, tx: Transaction): Promise<void> {
    for (const item of await this.coaching.checkedItems(agentId, tx)) {
      if (item.status === 'open' && !item.reopenedByEvaluationId) continue; // reopened by an amendment of its own evaluation: waits for a new one-to-one
      const evaluations = await this.coaching.evaluationsAfter(agentId, item.coachedOn, item.codes, item.evaluationId, tx);
      const decision = decideEffect(item.codes, evaluations);
      const by = decision.decidedBy;
      const reopened = decision.outcome === 'reopened' && by ? by : null;
      const status = decision.outcome === 'improved' ? 'improved' : reopened ? 'open' : 'coached';
      if (status === item.status && (reopened?.evaluationId ?? null) === item.reopenedByEvaluationId) continue;
      await this.coaching.decide(
        item.id,
        {
          status,
          reopenedByEvaluationId: reopened?.evaluationId ?? null,
          reopenedByRecordingId: reopened?.recordingId ?? null,
          reopenedCodes: reopened?.failedCodes ?? null,
        },
        tx,
      );
      await this.coaching.addEvent(
        {
          coachingItemId: item.id,
          kind: decision.outcome === 'pending' ? 'checking' : decision.outcome,
          evaluationId: by?.evaluationId ?? null,
          recordingId: by?.recordingId ?? null,
          codes: reopened?.failedCodes ?? [],
        },
        tx,
      );
    }
  }

  /**
   * For a project's daily sampling of `date`: the agents whose coaching is being checked and who need
   * more later calls listened to, each with how many are still missing (at most K minus the calls after
   * the session already evaluated or assigned).
   */
  checkShortfalls(projectId: string, date: string, tx: Transaction): Promise<Map<string, number>> {
    return this.coaching.checkShortfalls(projectId, date, COACHING_CHECK_EVALUATIONS, tx);
  }

  /** CONTRACT.md `GET /api/coaching-items`: newest and fatal first, within the caller's teams. */
  async list(user: AuthUser, q: CoachingQueryDto): Promise<Page<CoachingItem>> {
    const team = q.team ? await this.scope.team(user, q.team, { filter: true }) : undefined;
    const agent = q.agent ? await this.scope.agent(user, q.agent, { filter: true }) : undefined;
    const { total, rows } = await this.coaching.search({
      teamIds: this.scope.visibleTeamIds(user),
      viewerId: user.id,
      teamId: team?.id,
      agentId: agent?.id,
      status: q.status,
      page: q.page,
      pageSize: q.pageSize,
    });
    return { total, items: rows.map(toCoachingItem) };
  }

  async get(user: AuthUser, id: string): Promise<CoachingItemDetail> {
    const item = await this.readable(user, id);
    const [defects, sessions, history, events, coachedOn, machine] = await Promise.all([
      this.coaching.defectsOf(item.evaluationId),
      this.coaching.sessions(item.id),
      this.coaching.history(item.agentId, item.codes, item.evaluationId, user.id),
      this.coaching.events(item.id),
      this.coaching.coachedOn(item.id),
      this.autocheck.forRecording(user, item.recordingId),
    ]);
    const check =
      coachedOn === null
        ? null
        : { since: coachedOn, decision: decideEffect(item.codes, await this.coaching.evaluationsAfter(item.agentId, coachedOn, item.codes, item.evaluationId)) };
    return toCoachingItemDetail(item, defects, sessions, history, events, check, machine.results, maskerFor(user.roles));
  }

  /** The lead's one-to-one: kept with who recorded it; the item becomes `coached`. */
  async addSession(user: AuthUser, id: string, dto: CoachingSessionDto): Promise<CoachingItemDetail> {
    const item = await this.readable(user, id);
    if (dto.date > localDateOf(new Date(), process.env.TZ)) throw invalid('date', 'must not be in the future', 'future');
    if (dto.relistenRecordingId) await this.checkRelisten(user, item, dto.relistenRecordingId);
    this.checkState(item, dto.revision);
    if (item.reopenedAt && item.reopenedByRecordingId) await this.checkAfterReopen(user, item.reopenedByRecordingId, dto.date);
    await this.transaction.run(async (tx) => {
      await this.coaching.lockAgent(item.agentId, tx);
      if (!(await this.coaching.markCoached(id, dto.revision, tx))) throw await this.conflict(id);
      await this.coaching.addSession(
        {
          coachingItemId: id,
          date: dto.date,
          said: dto.said,
          commitment: dto.commitment,
          relistenRecordingId: dto.relistenRecordingId ?? null,
          userId: user.id,
          username: user.username,
        },
        tx,
      );
      // The check starts again from this session: calls already evaluated after it may decide at once.
      await this.checkEffects(item.agentId, tx);
    });
    return this.get(user, id);
  }

  /** Coaching again after a reopen starts a new check: the session is not before the call that failed again. */
  private async checkAfterReopen(user: AuthUser, recordingId: string, date: string): Promise<void> {
    const failed = await this.scope.recording(user, recordingId);
    const day = localDateOf(new Date(failed.startedAt), process.env.TZ);
    if (date < day) throw invalid('date', `must not be before ${day}, the call that reopened this item`, 'beforeReopen', { value: date });
  }

  /** The agent has seen and acknowledged the result: recorded once, with who marked it and when. */
  async acknowledge(user: AuthUser, id: string, dto: AcknowledgeDto): Promise<CoachingItemDetail> {
    const item = await this.readable(user, id);
    this.checkState(item, dto.revision, true);
    if (!(await this.coaching.acknowledge(id, { userId: user.id, username: user.username }, dto.revision))) throw await this.conflict(id, true);
    return this.get(user, id);
  }

  /** 404 for an unknown id, 403 outside the caller's teams. */
  private async readable(user: AuthUser, id: string): Promise<CoachingItemRow> {
    const item = await this.coaching.byId(id);
    if (!item) throw notFound('Coaching item');
    this.scope.require(user, { teamId: item.teamId });
    // Its defects are the evaluation's verdicts: hidden from a participant of the call's open calibration session.
    if (await this.coaching.blindTo(item.evaluationId, user.id))
      throw new DomainError('CALIBRATION_BLIND', 'Forbidden: this call is in a calibration session you take part in that is not revealed yet');
    return item;
  }

  /** The re-listened call must be a later call of the same agent, in the caller's scope. */
  private async checkRelisten(user: AuthUser, item: CoachingItemRow, recordingId: string): Promise<void> {
    const field = 'relistenRecordingId';
    const recording = await this.scope.recording(user, recordingId).catch((e: unknown) => {
      if (e instanceof DomainError && e.code === 'NOT_FOUND') throw invalid(field, `unknown recording ${recordingId}`, 'unknown', { value: recordingId });
      throw e;
    });
    if (recording.agentId !== item.agentId) throw invalid(field, `must be a call of agent ${item.agentNo}`);
    const coached = await this.scope.recording(user, item.recordingId);
    if (new Date(recording.startedAt) <= new Date(coached.startedAt)) throw invalid(field, 'must be a call after the evaluated one');
  }

  private checkState(item: CoachingItemRow, revision: number | undefined, forAcknowledge = false): void {
    if (item.status === 'resolved') throw closed();
    if (item.status === 'improved' && !forAcknowledge) throw improved();
    if (forAcknowledge && item.acknowledgedAt) throw acknowledged(item.acknowledgedBy);
    if (revision !== undefined && revision !== item.revision) throw stale();
  }

  /** Why a guarded update changed nothing, read again after it. */
  private async conflict(id: string, forAcknowledge = false): Promise<DomainError> {
    const now = await this.coaching.byId(id);
    if (!now) return notFound('Coaching item');
    if (now.status === 'resolved') return closed();
    if (now.status === 'improved' && !forAcknowledge) return improved();
    if (forAcknowledge && now.acknowledgedAt) return acknowledged(now.acknowledgedBy);
    return stale();
  }
}

const closed = () => new DomainError('COACHING_ITEM_CLOSED', 'This coaching item is resolved: an amendment left no failed item');
const improved = () =>
  new DomainError('COACHING_ITEM_IMPROVED', 'This coaching item is closed as improved: the agent passed its items in the evaluations after coaching');
const acknowledged = (by: string | null) =>
  new DomainError('ALREADY_ACKNOWLEDGED', `The agent's acknowledgement is recorded already (by ${by ?? 'someone'})`, undefined, { params: { by: by ?? '' } });
const stale = () => new DomainError('COACHING_ITEM_STALE', 'This coaching item was changed by someone else since you read it: reload, then redo your change');
