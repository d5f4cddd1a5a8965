import { Injectable, Logger } from '@nestjs/common';
import { itemsOf } from '#shared/checklists/types.js';
import { localDateOf } from '#shared/dates.js';
import { Role } from '#shared/org.js';
import { addDays } from '#shared/reports/periods.js';
import type { AuthUser } from '#server/auth/auth-user.js';
import { SessionService } from '#server/auth/session.service.js';
import { AutocheckService } from '#server/autocheck/autocheck.service.js';
import { ChecklistsService } from '#server/checklists/checklists.service.js';
import { CoachingService } from '#server/coaching/coaching.service.js';
import { EvaluationsService } from '#server/evaluations/evaluations.service.js';
import type { UserEntity } from '#server/org/users/user.entity.js';
import { UserRepository } from '#server/org/users/user.repository.js';
import { SamplingService } from '#server/sampling/sampling.service.js';
import { DEMO_USERS, demoAgents } from './demo-centre.js';
import { seededRandom } from './demo-calls.js';
import { AMEND_EVERY, agentWeakness, historyVerdicts, INSPECTOR_STRICTNESS, type MachineVerdict, RECENT_DAYS, scoredShareOn } from './demo-history.js';

export interface HistoryFigures {
  evaluations: number;
  fatal: number;
  amended: number;
  /** One-to-ones the team leads recorded. */
  coached: number;
}

/**
 * The demo's weeks of daily listening, through the real services: each inspector scores the calls the
 * daily sampling gave him (demo-history.ts decides the verdicts), so defects, coaching items and every
 * roll-up follow as in use; the supervisor amends a few; the team leads coach and have acknowledged the
 * items of calls older than a week, whose effect the coaching check then judges on the later calls.
 */
@Injectable()
export class DemoHistoryService {
  private readonly logger = new Logger('Demo');

  constructor(
    private readonly users: UserRepository,
    private readonly sessions: SessionService,
    private readonly sampling: SamplingService,
    private readonly autocheck: AutocheckService,
    private readonly checklists: ChecklistsService,
    private readonly evaluations: EvaluationsService,
    private readonly coaching: CoachingService,
  ) {}

  async seed(days: number): Promise<HistoryFigures> {
    const figures: HistoryFigures = { evaluations: 0, fatal: 0, amended: 0, coached: 0 };
    const supervisorUser = await this.users.byUsername('supervisor');
    if (!supervisorUser) return figures;
    const supervisor = await this.actor(supervisorUser);
    const checklist = itemsOf((await this.checklists.activeEntity()).sections);
    const byEar = new Set(checklist.filter((i) => !i.rule && !i.critical).map((i) => i.code));
    const random = seededRandom(20261206);
    const agents = new Map(demoAgents(new Date()).map((a, n) => [a.employeeNo, { grade: a.grade, own: ((n * 37) % 31) / 30 }]));
    const today = localDateOf(new Date(), process.env.TZ);
    const inspectors: { user: AuthUser; strictness: number }[] = [];
    for (const [username, strictness] of Object.entries(INSPECTOR_STRICTNESS)) {
      const user = await this.users.byUsername(username);
      if (user) inspectors.push({ user: await this.actor(user), strictness });
    }
    for (let d = days; d >= 2; d--) {
      const day = addDays(today, -d);
      const share = scoredShareOn(d);
      for (const inspector of inspectors) {
        const open = (await this.sampling.queue(inspector.user, day)).items.filter((a) => !a.done);
        for (const assignment of open.slice(0, Math.ceil(open.length * share))) {
          const agent = agents.get(assignment.agent);
          const checks = await this.autocheck.verdicts(inspector.user, assignment.recordingId);
          const machine = new Map<string, MachineVerdict>(checks.results.map((r) => [r.code, { verdict: r.verdict, at: r.evidence[0]?.start }]));
          const weakness = agentWeakness(agent?.grade ?? 'C', agent?.own ?? 0.5, d);
          const items = historyVerdicts(random, checklist, machine, weakness, inspector.strictness, assignment.duration);
          const failed = items.filter((i) => i.verdict === 'fail');
          const evaluation = await this.evaluations.create(inspector.user, {
            recordingId: assignment.recordingId,
            source: assignment.source === 'spot-check' ? 'spot-check' : 'daily',
            items,
            comment: failed.length ? '请班长跟进辅导' : undefined,
          });
          figures.evaluations++;
          if (evaluation.fatal) figures.fatal++;
          // Now and then the supervisor upholds the agent's objection to an item scored by ear.
          const disputed = failed.find((i) => byEar.has(i.code));
          if (disputed && figures.evaluations % AMEND_EVERY === 0) {
            await this.evaluations.amend(supervisor, evaluation.id, {
              reason: '复核录音后，座席的解释属实，改判为达标',
              items: [{ code: disputed.code, verdict: 'pass', comment: '复核后改判' }],
            });
            figures.amended++;
          }
        }
      }
    }
    figures.coached = await this.coachOlderItems(today);
    this.logger.log(
      `Demo history ready: ${figures.evaluations} evaluations (${figures.fatal} fatal, ${figures.amended} amended), ${figures.coached} one-to-ones recorded`,
    );
    return figures;
  }

  /**
   * Each lead has coached, and had acknowledged, the items of calls older than the latest week, on the
   * day after the call; the coaching check then judges each on the agent's later calls, and an item it
   * reopened on a call older than the week is coached again (a few rounds). The newer ones are the
   * lead's open worklist.
   */
  private async coachOlderItems(today: string): Promise<number> {
    const cutoff = addDays(today, -RECENT_DAYS);
    let sessions = 0;
    for (const lead of DEMO_USERS.filter((u) => u.roles.includes(Role.TeamLead))) {
      const user = await this.users.byUsername(lead.username);
      if (!user) continue;
      const actor = await this.actor(user);
      for (let round = 0; round < 3; round++) {
        const open = (await this.coaching.list(actor, { status: 'open', page: 1, pageSize: 500 })).items;
        let coached = 0;
        for (const item of open) {
          const failedOn = (await this.evaluations.get(actor, item.reopened?.evaluationId ?? item.evaluationId)).callDate;
          if (failedOn >= cutoff) continue;
          const session = await this.coaching.addSession(actor, item.id, {
            date: addDays(failedOn, 1),
            said: `逐项回听了这通录音：${item.codes.join('、')}，讲解了规范话术`,
            commitment: '下一班次起按规范执行，班长次日抽听',
            revision: item.revision,
          });
          // The check may already have closed it on the later calls; otherwise the agent has seen it.
          if (session.status !== 'resolved' && !session.acknowledgedAt) await this.coaching.acknowledge(actor, item.id, { revision: session.revision });
          coached++;
        }
        sessions += coached;
        if (!coached) break;
      }
    }
    return sessions;
  }

  private actor(user: UserEntity): Promise<AuthUser> {
    return this.sessions.authUser({ id: user.id, username: user.username, displayName: user.displayName, roles: user.roles ?? [Role.Admin] });
  }
}
