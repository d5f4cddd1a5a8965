import { Injectable, Logger } from '@nestjs/common';
import type { CalibrationResults, CalibrationSession, CalibrationSessionList, CalibrationStatus, CalibrationToScoreList } from '#shared/api/calibration.js';
import { itemsOf } from '#shared/checklists/types.js';
import { localDateOf } from '#shared/dates.js';
import type { Role } from '#shared/org.js';
import { can } from '#shared/permissions.js';
import type { AuthUser } from '#server/auth/auth-user.js';
import { ScopeService } from '#server/auth/scope.service.js';
import { SessionService } from '#server/auth/session.service.js';
import { ChecklistsService } from '#server/checklists/checklists.service.js';
import { DomainError, invalid, notFound } from '#server/common/domain-error.js';
import { TransactionRunner } from '#server/database/transaction.js';
import { calibrationResults, type ScoredCall } from './calibration-results.js';
import type { CalibrationListQueryDto, CreateCalibrationSessionDto, GuidanceDto } from './calibration.dto.js';
import { toSession, toSessionSummary, toToScore } from './calibration.mapper.js';
import { type CallRow, CalibrationRepository, type GuidanceRow, type MemberRow, type NamedUserRow, type SessionRow } from './calibration.repository.js';

/** A call as the scope check answers it. */
type RecordingRow = Awaited<ReturnType<ScopeService['recording']>>;

/** The centre's local day, against which a deadline has passed. */
const today = () => localDateOf(new Date(), process.env.TZ);

const stateConflict = (status: CalibrationStatus, action: string) =>
  new DomainError('CALIBRATION_STATE', `This calibration session is ${status}: it cannot be ${action} now`, undefined, { params: { status, action } });

/**
 * Calibration sessions (issue 15). A supervisor gives inspectors the same calls of one project to score
 * blind in the normal workspace (source `calibration`), optionally beside an expert whose evaluations
 * are the benchmark. Until he reveals the session nobody taking part sees the others' evaluations of
 * its calls (enforced where evaluations are read: `EvaluationRepository`'s blindness). On reveal:
 * verdicts side by side, agreement, Fleiss' kappa and score spread; his guidance per item becomes the
 * item's scoring note in the next checklist draft. Calibration evaluations never count anywhere else.
 */
@Injectable()
export class CalibrationService {
  private readonly logger = new Logger('Calibration');

  constructor(
    private readonly repo: CalibrationRepository,
    private readonly scope: ScopeService,
    private readonly sessions: SessionService,
    private readonly checklists: ChecklistsService,
    private readonly transaction: TransactionRunner,
  ) {}

  async create(user: AuthUser, dto: CreateCalibrationSessionDto): Promise<CalibrationSession> {
    if (dto.deadline < today()) throw invalid('deadline', 'must not be before today', undefined, { value: dto.deadline });
    const calls: RecordingRow[] = [];
    for (const [n, id] of dto.recordings.entries()) {
      const field = `recordings[${n}]`;
      if (dto.recordings.indexOf(id) !== n) throw invalid(field, `${id} is given twice`, 'twice', { value: id });
      const recording = await this.scope.recording(user, id).catch((e: unknown) => {
        throw e instanceof DomainError && e.code === 'NOT_FOUND' ? invalid(field, `no recording ${id}`, 'unknown', { value: id }) : e;
      });
      if (calls.length && recording.projectId !== calls[0].projectId)
        throw invalid(field, `is a call of project ${recording.projectCode}: a session's calls are all of one project (${calls[0].projectCode})`, 'notAllowed', {
          value: id,
        });
      calls.push(recording);
    }
    const named = new Map((await this.repo.usersByName([...dto.participants, ...(dto.expert ? [dto.expert] : [])])).map((u) => [u.username.toLowerCase(), u]));
    const seen = new Set<string>();
    const participantIds: string[] = [];
    for (const [n, name] of dto.participants.entries()) participantIds.push(await this.scorer(`participants[${n}]`, name, named, seen, calls));
    const expertId = dto.expert ? await this.scorer('expert', dto.expert, named, seen, calls) : null;
    const id = await this.transaction.run((tx) =>
      this.repo.insert(
        { title: dto.title.trim(), projectId: calls[0].projectId, deadline: dto.deadline, expertId, createdBy: user.id },
        calls.map((c) => c.id),
        participantIds,
        tx,
      ),
    );
    this.logger.log(`Calibration session ${id}: ${calls.length} calls, ${participantIds.length} participants`);
    return this.get(user, id);
  }

  /**
   * A user named to score: active, allowed to score calibration, named once, and able to see every call
   * (his own scope, computed as at sign-in). Answers his id; each problem is a 400 naming the field.
   */
  private async scorer(field: string, name: string, named: Map<string, NamedUserRow>, seen: Set<string>, calls: RecordingRow[]): Promise<string> {
    const found = named.get(name.toLowerCase());
    if (!found || !found.active) throw invalid(field, `no active user ${name}`, 'unknown', { value: name });
    if (seen.has(found.id)) throw invalid(field, `${name} is named twice`, 'twice', { value: name });
    seen.add(found.id);
    const roles = found.roles as Role[];
    if (!can(roles, 'evaluation.anySource') || !can(roles, 'calibration.read'))
      throw invalid(field, `${name} may not score calibration evaluations`, 'notAllowed', { value: name });
    const scope = await this.sessions.authUser({ id: found.id, username: found.username, displayName: found.displayName, roles, allProjects: found.allProjects });
    const unseen = calls.find((c) => !this.scope.sees(scope, { teamId: c.teamId }));
    if (unseen) throw invalid(field, `${name} does not see the call ${unseen.id} (team ${unseen.teamCode})`, 'outOfScope', { value: name });
    return found.id;
  }

  /** A supervisor's sessions of his projects; an inspector's those he takes part in; by status (`ready`: what the supervisor's home counts). */
  async list(user: AuthUser, q: CalibrationListQueryDto = {}): Promise<CalibrationSessionList> {
    const rows = await this.repo.list({
      projectIds: this.scope.visibleProjectIds(user),
      memberId: can(user.roles, 'calibration.manage') ? undefined : user.id,
      status: q.status,
      today: today(),
    });
    return { total: rows.length, items: rows.map(toSessionSummary) };
  }

  /** The caller's calls still to score in open sessions: the inspector's home worklist. */
  async toScore(user: AuthUser): Promise<CalibrationToScoreList> {
    const rows = await this.repo.toScore(user.id);
    return { total: rows.length, items: rows.map(toToScore) };
  }

  async get(user: AuthUser, id: string): Promise<CalibrationSession> {
    return this.withDetails(await this.readable(user, id));
  }

  /** Lifts the blindness: everyone's evaluations of the calls become visible and the results are computed. */
  async reveal(user: AuthUser, id: string): Promise<CalibrationSession> {
    const session = await this.managed(user, id);
    await this.transaction.run(async (tx) => {
      if (!(await this.repo.reveal(id, user.id, tx))) throw stateConflict('revealed', 'revealed');
    });
    this.logger.log(`Calibration session ${session.id} revealed`);
    return this.get(user, id);
  }

  /** The discussion's outcome per item, after the reveal: each goes into the next checklist draft as the item's scoring note. */
  async writeGuidance(user: AuthUser, id: string, dto: GuidanceDto): Promise<CalibrationSession> {
    const session = await this.managed(user, id);
    if (!session.revealedAt) throw stateConflict('open', 'given guidance');
    const codes = new Set(itemsOf(await this.repo.sections(id)).map((i) => i.code));
    const seen = new Set<string>();
    const items = dto.items.map((item, n) => {
      if (!codes.has(item.code)) throw invalid(`items[${n}].code`, `unknown item code ${item.code}`, 'unknown', { value: item.code });
      if (seen.has(item.code)) throw invalid(`items[${n}].code`, `${item.code} is given twice`, 'twice', { value: item.code });
      seen.add(item.code);
      const text = item.text.trim();
      if (text.length < 2) throw invalid(`items[${n}].text`, 'say how to score the item (at least 2 characters)', 'required');
      return { code: item.code, text };
    });
    await this.transaction.run(async (tx) => {
      const versions = await this.checklists.writeScoringNotes(user, items, tx);
      for (const item of items) await this.repo.upsertGuidance(id, { ...item, draftVersion: versions.get(item.code) ?? null }, user.id, tx);
    });
    return this.get(user, id);
  }

  /**
   * The session if the caller may read it: 404 unknown; 403 outside his projects; an inspector only one
   * he takes part in (403 CALIBRATION_NOT_PARTICIPANT).
   */
  private async readable(user: AuthUser, id: string): Promise<SessionRow> {
    const session = await this.repo.byId(id, today());
    if (!session) throw notFound('Calibration session');
    this.scope.require(user, { projectId: session.projectId });
    if (!can(user.roles, 'calibration.manage') && !(await this.repo.isMember(id, user.id)))
      throw new DomainError('CALIBRATION_NOT_PARTICIPANT', 'Forbidden: you do not take part in this calibration session');
    return session;
  }

  /** The session for a supervisor's step: in his projects. */
  private async managed(user: AuthUser, id: string): Promise<SessionRow> {
    const session = await this.repo.byId(id, today());
    if (!session) throw notFound('Calibration session');
    this.scope.require(user, { projectId: session.projectId });
    return session;
  }

  /**
   * An inspector's calibration agreement (issue 15, the inspector-consistency page): over the revealed
   * sessions he took part in (projects given, null all; revealed from `from` to `to`), his verdicts on
   * each call's items and how many equal the session's reference (the benchmark's, or the majority; a
   * tie agrees with nothing), as the reveal counts its agreement.
   */
  async agreementOf(inspectorId: string, f: { projectIds: string[] | null; from: string; to: string }): Promise<{ sessions: number; items: number; agreed: number }> {
    const ids = await this.repo.revealedWith(inspectorId, f);
    let items = 0;
    let agreed = 0;
    for (const id of ids) {
      const [calls, members, guidance] = await Promise.all([this.repo.calls(id), this.repo.members(id), this.repo.guidance(id)]);
      const username = members.find((m) => m.userId === inspectorId && !m.expert)?.username;
      if (!username) continue;
      for (const item of (await this.resultsOf(id, calls, members, guidance)).items) {
        for (const call of item.calls) {
          const mine = call.verdicts.find((v) => v.username === username)?.verdict ?? null;
          if (mine === null) continue;
          items++;
          if (call.reference !== null && mine === call.reference) agreed++;
        }
      }
    }
    return { sessions: ids.length, items, agreed };
  }

  private async withDetails(session: SessionRow): Promise<CalibrationSession> {
    const [calls, members, guidance] = await Promise.all([this.repo.calls(session.id), this.repo.members(session.id), this.repo.guidance(session.id)]);
    const results = session.revealedAt ? await this.resultsOf(session.id, calls, members, guidance) : null;
    return toSession(session, calls, members, results, guidance);
  }

  /** The results of a revealed session: verdicts side by side with the reference, agreement, kappa and spread. */
  private async resultsOf(sessionId: string, calls: CallRow[], members: MemberRow[], guidance: GuidanceRow[]): Promise<CalibrationResults> {
    const [evaluations, sections] = await Promise.all([this.repo.evaluations(sessionId), this.repo.sections(sessionId)]);
    const usernames = new Map(members.map((m) => [m.userId, m.username]));
    const scored = new Map<string, Map<string, ScoredCall>>();
    for (const e of evaluations) {
      const username = usernames.get(e.inspectorId);
      if (!username) continue;
      if (!scored.has(e.recordingId)) scored.set(e.recordingId, new Map());
      scored.get(e.recordingId)!.set(username, { score: e.score, fatal: e.fatal, verdicts: e.verdicts });
    }
    return calibrationResults({
      sections,
      recordingIds: calls.map((c) => c.recordingId),
      participants: members.filter((m) => !m.expert).map((m) => m.username),
      expert: members.find((m) => m.expert)?.username ?? null,
      scored,
      guidance: new Map(guidance.map((g) => [g.code, g.text])),
    });
  }
}
