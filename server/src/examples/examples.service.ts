import { Injectable, Logger } from '@nestjs/common';
import type { CallExample, CallExampleList, FaqExampleLinks, SharingPresenterList, SharingSession, SharingSessionList } from '#shared/api/examples.js';
import { itemsOf } from '#shared/checklists/types.js';
import { maskerFor } from '#shared/masking.js';
import { can, PERMISSIONS } from '#shared/permissions.js';
import type { AuthUser } from '#server/auth/auth-user.js';
import { ScopeService } from '#server/auth/scope.service.js';
import { DomainError, invalid, notFound, outOfScope } from '#server/common/domain-error.js';
import { TransactionRunner } from '#server/database/transaction.js';
import { type AudioResponse, RecordingAccessService } from '#server/recordings/recording-access.service.js';
import type { CreateExampleDto, ExampleContentDto, ExampleListQueryDto, PresenterQueryDto, SessionListQueryDto, SharingSessionDto } from './example.dto.js';
import { toCallExample, toSharingSession } from './example.mapper.js';
import { type ExampleContent, type ExampleRow, ExampleRepository, type MarkedEvaluation, type SessionRow } from './example.repository.js';

/** Who may present a session: whoever may open it, and who sees the whole centre by role or flag (the scope rules of `SessionService.authUser`). */
const PRESENTER_ROLES = {
  holders: PERMISSIONS['example.session.read'],
  wholeCentre: PERMISSIONS['scope.wholeCentre'],
  allProjects: PERMISSIONS['scope.allProjects'],
};

const notYours = () => new DomainError('EXAMPLE_NOT_YOURS', 'Forbidden: only who marked this example, or a supervisor, changes or removes it');

/**
 * Example calls for the weekly sharing (issue 14, seed 11.5). Inspectors and supervisors mark a
 * submitted evaluation's call as a good or bad example of some of its items, with a note, tags and the
 * moments that matter; supervisors put examples of a project into dated sharing sessions; FAQ
 * maintainers link examples that show an entry's right answer. Scope is the call's team, as for the
 * call itself; a session or an FAQ link is what lets its audience play a call beyond their own teams.
 */
@Injectable()
export class ExamplesService {
  private readonly logger = new Logger('Examples');

  constructor(
    private readonly repo: ExampleRepository,
    private readonly scope: ScopeService,
    private readonly audio: RecordingAccessService,
    private readonly transaction: TransactionRunner,
  ) {}

  async create(user: AuthUser, dto: CreateExampleDto): Promise<CallExample> {
    const evaluation = await this.repo.evaluation(dto.evaluationId);
    if (!evaluation) throw notFound('Evaluation');
    this.scope.require(user, { teamId: evaluation.teamId });
    if (evaluation.status !== 'submitted') throw new DomainError('EVALUATION_NOT_SUBMITTED', 'Only a scored (submitted) evaluation’s call is marked as an example');
    // A calibration evaluation only once its session is revealed: before, an example would show it to the other participants.
    if (evaluation.source === 'calibration' && !evaluation.calibrationRevealed)
      throw new DomainError('CALIBRATION_STATE', 'A calibration evaluation is marked as an example only once its session is revealed', undefined, {
        params: { status: 'open', action: 'marked as an example' },
      });
    const id = await this.repo.insert(evaluation, this.content(dto, evaluation), user.id);
    this.logger.log(`Example ${id} marked on evaluation ${evaluation.id}`);
    return this.get(user, id);
  }

  async update(user: AuthUser, id: string, dto: ExampleContentDto): Promise<CallExample> {
    const row = await this.changeable(user, id);
    const evaluation = (await this.repo.evaluation(row.evaluationId))!;
    await this.repo.update(id, this.content(dto, evaluation));
    return this.get(user, id);
  }

  async remove(user: AuthUser, id: string): Promise<void> {
    await this.changeable(user, id);
    await this.repo.remove(id);
  }

  async get(user: AuthUser, id: string): Promise<CallExample> {
    return toCallExample(await this.readable(user, id), maskerFor(user.roles));
  }

  /** Newest first, within the caller's teams. */
  async list(user: AuthUser, q: ExampleListQueryDto): Promise<CallExampleList> {
    const project = q.project ? await this.scope.project(user, q.project, { filter: true }) : undefined;
    const team = q.team ? await this.scope.team(user, q.team, { filter: true }) : undefined;
    const rows = await this.repo.list({ teamIds: this.scope.visibleTeamIds(user), projectId: project?.id, teamId: team?.id, kind: q.kind, item: q.item, tag: q.tag });
    const mask = maskerFor(user.roles);
    return { total: rows.length, items: rows.map((r) => toCallExample(r, mask)) };
  }

  // Sharing sessions

  async createSession(user: AuthUser, dto: SharingSessionDto): Promise<SharingSession> {
    const checked = await this.sessionContent(user, dto);
    const id = await this.transaction.run((tx) => this.repo.insertSession({ ...checked.session, createdBy: user.id }, checked.exampleIds, tx));
    return this.session(user, id);
  }

  async updateSession(user: AuthUser, id: string, dto: SharingSessionDto): Promise<SharingSession> {
    const existing = await this.readableSession(user, id);
    const checked = await this.sessionContent(user, dto);
    if (checked.session.projectId !== existing.projectId)
      throw invalid('project', `a session stays in its project ${existing.project}`, 'notAllowed', { value: dto.project });
    await this.transaction.run((tx) => this.repo.updateSession(id, checked.session, checked.exampleIds, tx));
    return this.session(user, id);
  }

  async removeSession(user: AuthUser, id: string): Promise<void> {
    await this.readableSession(user, id);
    await this.repo.removeSession(id);
  }

  /** The session with its examples in playing order: the session lets its audience see all of them. */
  async session(user: AuthUser, id: string): Promise<SharingSession> {
    const [session] = await this.withPlaylists(user, [await this.readableSession(user, id)]);
    return session;
  }

  /** Newest date first: the sessions of the caller's projects (a team lead's: his teams' projects). */
  async sessions(user: AuthUser, q: SessionListQueryDto): Promise<SharingSessionList> {
    const project = q.project ? await this.scope.project(user, q.project, { filter: true }) : undefined;
    const rows = await this.repo.sessions({ projectIds: this.scope.visibleProjectIds(user), projectId: project?.id });
    const items = await this.withPlaylists(user, rows);
    return { total: items.length, items };
  }

  /** The users a session of the project may name as presenter: active, and able to open the project's sessions. */
  async presenters(user: AuthUser, q: PresenterQueryDto): Promise<SharingPresenterList> {
    const project = await this.scope.project(user, q.project, { filter: true });
    const rows = await this.repo.presenters(project.id, PRESENTER_ROLES);
    return { total: rows.length, items: rows.map((r) => ({ username: r.username, displayName: r.displayName })) };
  }

  /** A call of the session, played by its audience: logged as a playback. */
  async sessionAudio(user: AuthUser, id: string, exampleId: string, range: string | undefined, ip?: string): Promise<AudioResponse> {
    await this.readableSession(user, id);
    const playlist = await this.repo.playlists([id]);
    if (!playlist.some((p) => p.exampleId === exampleId)) throw notFound('Example in this session');
    const example = (await this.repo.byId(exampleId))!;
    return this.audio.streamGranted(user, example.recordingId, range, ip);
  }

  // FAQ links

  /** The examples an entry links: all of them to who curates the FAQ, else those of the caller's teams. */
  async faqLinks(user: AuthUser, entryId: string): Promise<FaqExampleLinks> {
    if (!(await this.repo.faqEntryExists(entryId))) throw notFound('FAQ entry');
    const ids = await this.repo.faqLinks(entryId);
    const rows = new Map((await this.repo.byIds(ids)).map((r) => [r.id, r]));
    const mask = maskerFor(user.roles);
    const examples = ids
      .map((i) => rows.get(i))
      .filter((r): r is ExampleRow => !!r && this.seesLinked(user, r))
      .map((r) => toCallExample(r, mask));
    return { entryId, examples };
  }

  async setFaqLinks(user: AuthUser, entryId: string, exampleIds: string[]): Promise<FaqExampleLinks> {
    if (!(await this.repo.faqEntryExists(entryId))) throw notFound('FAQ entry');
    await this.examplesOf(exampleIds, null);
    await this.transaction.run((tx) => this.repo.setFaqLinks(entryId, exampleIds, tx));
    return this.faqLinks(user, entryId);
  }

  /** Examples an FAQ curator may link: every example of the centre, masked as for him. */
  async faqCandidates(user: AuthUser, q: ExampleListQueryDto): Promise<CallExampleList> {
    const rows = await this.repo.list({ teamIds: null, kind: q.kind, item: q.item, tag: q.tag });
    const mask = maskerFor(user.roles);
    return { total: rows.length, items: rows.map((r) => toCallExample(r, mask)) };
  }

  async faqAudio(user: AuthUser, entryId: string, exampleId: string, range: string | undefined, ip?: string): Promise<AudioResponse> {
    if (!(await this.repo.faqEntryExists(entryId))) throw notFound('FAQ entry');
    if (!(await this.repo.faqLinks(entryId)).includes(exampleId)) throw notFound('Example linked to this entry');
    const example = (await this.repo.byId(exampleId))!;
    if (!this.seesLinked(user, example)) throw outOfScope();
    return this.audio.streamGranted(user, example.recordingId, range, ip);
  }

  // Helpers

  private seesLinked(user: AuthUser, row: ExampleRow): boolean {
    return can(user.roles, 'faq.edit') || this.scope.sees(user, { teamId: row.teamId });
  }

  /** The example if the caller sees its team: 404 unknown, 403 outside his projects and teams. */
  private async readable(user: AuthUser, id: string): Promise<ExampleRow> {
    const row = await this.repo.byId(id);
    if (!row) throw notFound('Example');
    this.scope.require(user, { teamId: row.teamId });
    return row;
  }

  private async changeable(user: AuthUser, id: string): Promise<ExampleRow> {
    const row = await this.readable(user, id);
    if (row.authorId !== user.id && !can(user.roles, 'example.editAny')) throw notYours();
    return row;
  }

  private async readableSession(user: AuthUser, id: string): Promise<SessionRow> {
    const row = await this.repo.session(id);
    if (!row) throw notFound('Sharing session');
    this.scope.require(user, { projectId: row.projectId });
    return row;
  }

  /** Items of the evaluation's checklist version, once each; moments within the call, each ending after it starts. */
  private content(dto: ExampleContentDto, evaluation: MarkedEvaluation): ExampleContent {
    const codes = new Set(itemsOf(evaluation.sections).map((i) => i.code));
    const seen = new Set<string>();
    dto.items.forEach((code, n) => {
      if (!codes.has(code)) throw invalid(`items[${n}]`, `${code} is not an item of this evaluation’s checklist`, 'unknown', { value: code });
      if (seen.has(code)) throw invalid(`items[${n}]`, `${code} is named twice`, 'twice', { value: code });
      seen.add(code);
    });
    const note = dto.note.trim();
    if (!note) throw invalid('note', 'must say what the call shows', 'required');
    const duration = evaluation.durationSeconds;
    dto.regions.forEach((r, n) => {
      if (r.end <= r.start) throw invalid(`regions[${n}].end`, `ends at ${r.end} s, not after its start ${r.start} s`, 'outsideCall', { value: r.end, duration });
      if (r.end > duration) throw invalid(`regions[${n}].end`, `${r.end} s is past the end of the call (${duration} s)`, 'outsideCall', { value: r.end, duration });
    });
    const tags = [...new Set((dto.tags ?? []).map((t) => t.trim()).filter(Boolean))];
    const regions = dto.regions.map((r) => ({ start: r.start, end: r.end })).sort((a, b) => a.start - b.start || a.end - b.end);
    return { kind: dto.kind, items: dto.items, note, tags, regions };
  }

  /** The examples named, each known and (when a project is given) of that project. */
  private async examplesOf(ids: string[], projectId: string | null): Promise<void> {
    const rows = new Map((await this.repo.byIds(ids)).map((r) => [r.id, r]));
    const seen = new Set<string>();
    ids.forEach((id, n) => {
      const row = rows.get(id);
      if (!row) throw invalid(`exampleIds[${n}]`, `unknown example ${id}`, 'unknown', { value: id });
      if (seen.has(id)) throw invalid(`exampleIds[${n}]`, `example ${id} is listed twice`, 'twice', { value: id });
      seen.add(id);
      if (projectId && row.projectId !== projectId)
        throw invalid(`exampleIds[${n}]`, `example ${id} is of project ${row.project}, not this session’s`, 'outOfScope', { value: id });
    });
  }

  private async sessionContent(user: AuthUser, dto: SharingSessionDto) {
    const project = await this.scope.project(user, dto.project);
    const [presenter] = await this.repo.presenters(project.id, PRESENTER_ROLES, dto.presenter);
    if (!presenter) {
      if (!(await this.repo.userId(dto.presenter))) throw invalid('presenter', `unknown user ${dto.presenter}`, 'unknown', { value: dto.presenter });
      throw invalid('presenter', `${dto.presenter} is not an active user who opens project ${project.code}’s sessions`, 'outOfScope', { value: dto.presenter });
    }
    const presenterId = presenter.id;
    const title = dto.title.trim();
    if (!title) throw invalid('title', 'must name the session', 'required');
    await this.examplesOf(dto.exampleIds, project.id);
    return { session: { projectId: project.id, date: dto.date, title, presenterId }, exampleIds: dto.exampleIds };
  }

  private async withPlaylists(user: AuthUser, sessions: SessionRow[]): Promise<SharingSession[]> {
    const playlists = await this.repo.playlists(sessions.map((s) => s.id));
    const rows = new Map((await this.repo.byIds([...new Set(playlists.map((p) => p.exampleId))])).map((r) => [r.id, r]));
    const mask = maskerFor(user.roles);
    return sessions.map((s) =>
      toSharingSession(
        s,
        playlists.filter((p) => p.sessionId === s.id && rows.has(p.exampleId)).map((p) => toCallExample(rows.get(p.exampleId)!, mask)),
      ),
    );
  }
}
