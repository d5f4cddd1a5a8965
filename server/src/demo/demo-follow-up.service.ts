import { Injectable, Logger } from '@nestjs/common';
import { itemsOf } from '#shared/checklists/types.js';
import { Role } from '#shared/org.js';
import { localDateOf } from '#shared/dates.js';
import { addDays } from '#shared/reports/periods.js';
import type { AuthUser } from '#server/auth/auth-user.js';
import { SessionService } from '#server/auth/session.service.js';
import { ChecklistsService } from '#server/checklists/checklists.service.js';
import { EvaluationsService } from '#server/evaluations/evaluations.service.js';
import { TeamRepository } from '#server/org/teams/team.repository.js';
import { UserRepository } from '#server/org/users/user.repository.js';
import type { UserEntity } from '#server/org/users/user.entity.js';
import { RecordingRepository } from '#server/recordings/recording.repository.js';
import { RectificationService } from '#server/rectification/rectification.service.js';
import { DemoCalibrationService } from './demo-calibration.service.js';
import { type DemoScoredCall, DemoExamplesService } from './demo-examples.service.js';
import { DemoFaqService } from './demo-faq.service.js';

/** The team whose follow-up the demo shows: lead1's. */
export const DEMO_FOLLOW_UP_TEAM = 'CS-1';
/** The item that most of that team fails: its common problem (共性) and the notice's subject. */
export const DEMO_COMMON_PROBLEM = 'GREETING';

/**
 * What happens after the score, so that a newcomer sees the loop (DOMAIN.md workflow 4–6): on the
 * demo team's latest day of calls, an inspector scores some calls through the real evaluation service,
 * failing the greeting for most of its agents (a common problem) and one other item for one agent (an
 * individual one): their defects and the lead's open coaching items follow as they would in use. The
 * supervisor then issues the team a rectification notice on the greeting with those evaluations as
 * evidence, left open (issued) for the lead to acknowledge.
 */
@Injectable()
export class DemoFollowUpService {
  private readonly logger = new Logger('Demo');

  constructor(
    private readonly users: UserRepository,
    private readonly teams: TeamRepository,
    private readonly sessions: SessionService,
    private readonly recordings: RecordingRepository,
    private readonly checklists: ChecklistsService,
    private readonly evaluations: EvaluationsService,
    private readonly rectification: RectificationService,
    private readonly faq: DemoFaqService,
    private readonly examples: DemoExamplesService,
    private readonly calibration: DemoCalibrationService,
  ) {}

  /** Answers how many evaluations were submitted (0 when the team or its calls are missing). */
  async seed(): Promise<number> {
    const team = await this.teams.byCode(DEMO_FOLLOW_UP_TEAM);
    const admin = await this.users.firstAdmin();
    if (!team || !admin) return 0;
    const inspector = await this.actor((await this.users.byUsername('inspector1')) ?? admin);
    const supervisor = await this.actor((await this.users.byUsername('supervisor')) ?? admin);
    const calls = (await this.recordings.search({ teamIds: null, teamId: team.id, sort: 'startedAt', order: 'desc', page: 1, pageSize: 200 })).rows;
    if (!calls.length) return 0;
    // One call an agent on the team's latest day of calls, oldest agent first.
    const latest = calls[0].localDate;
    const byAgent = new Map<string, (typeof calls)[number]>();
    for (const call of calls) if (call.localDate === latest && !byAgent.has(call.agentId)) byAgent.set(call.agentId, call);
    const picked = [...byAgent.values()].sort((a, b) => a.agentId.localeCompare(b.agentId));
    const checklist = itemsOf((await this.checklists.activeEntity()).sections);
    const other = checklist.find((i) => i.code !== DEMO_COMMON_PROBLEM && !i.critical) ?? checklist.find((i) => i.code !== DEMO_COMMON_PROBLEM);
    const failing: string[] = [];
    const scored: DemoScoredCall[] = [];
    for (const [n, call] of picked.entries()) {
      // Greeting failed by about two agents in three; one other agent fails another item alone.
      const fails = new Map<string, string>();
      if (n % 3 !== 2) fails.set(DEMO_COMMON_PROBLEM, '开场未按规范报工号和问候语，直接询问来意');
      if (n === 2 && other) fails.set(other.code, '未按规范完成此项，请班长一对一辅导');
      const items = checklist.map((i) => {
        const comment = fails.get(i.code);
        return comment
          ? { code: i.code, verdict: 'fail' as const, comment, at: Math.min(3 + n, Math.max(0, call.durationSeconds - 1)) }
          : { code: i.code, verdict: 'pass' as const };
      });
      const evaluation = await this.evaluations.create(inspector, { recordingId: call.id, source: 'daily', items, comment: fails.size ? '请班长跟进辅导' : undefined });
      if (fails.has(DEMO_COMMON_PROBLEM)) failing.push(evaluation.id);
      scored.push({ evaluationId: evaluation.id, durationSeconds: call.durationSeconds, failed: [...fails.keys()] });
      // The FAQ maintainers' inbox gets one pending proposal from the first of these calls.
      if (n === 0) await this.faq.seedProposal(inspector, call.id, evaluation.id, Math.min(5, Math.max(0, call.durationSeconds - 1)));
    }
    if (failing.length) {
      await this.rectification.issue(supervisor, {
        team: team.code,
        codes: [DEMO_COMMON_PROBLEM],
        actions: '一、班组全员重学开场规范话术；二、班长每天抽听每人一通录音并点评；三、两周内组织一次情景演练。',
        deadline: addDays(latest, 15),
        evaluations: failing.slice(0, 3),
      });
    }
    // The weekly sharing: a few of these calls as examples of the greeting, in one session.
    const project = team.project?.code;
    if (project) await this.examples.seed({ inspector, supervisor, project, date: latest, calls: scored, item: DEMO_COMMON_PROBLEM });
    // A calibration of the greeting: two other calls of that day, scored blind by CS's two inspectors and revealed.
    const colleague = await this.users.byUsername('inspector3');
    if (colleague) {
      const chosen = new Set(picked.map((c) => c.id));
      await this.calibration.seed({
        supervisor,
        inspectors: [inspector, await this.actor(colleague)],
        calls: calls.filter((c) => c.localDate === latest && !chosen.has(c.id)).map((c) => ({ id: c.id, durationSeconds: c.durationSeconds })),
        checklist,
        item: DEMO_COMMON_PROBLEM,
        deadline: localDateOf(new Date(), process.env.TZ),
      });
    }
    this.logger.log(`Demo follow-up ready: ${picked.length} evaluations of ${team.code}, ${failing.length} failing ${DEMO_COMMON_PROBLEM}, one rectification notice`);
    return picked.length;
  }

  private actor(user: UserEntity): Promise<AuthUser> {
    return this.sessions.authUser({ id: user.id, username: user.username, displayName: user.displayName, roles: user.roles ?? [Role.Admin] });
  }
}
