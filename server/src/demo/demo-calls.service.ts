import { Inject, Injectable, Logger } from '@nestjs/common';
import * as OpenCC from 'opencc-js';
import { localDateOf } from '#shared/dates.js';
import { Role } from '#shared/org.js';
import { ChannelLayout } from '#shared/recordings.js';
import { SessionService } from '#server/auth/session.service.js';
import { APP_CONFIG, type AppConfig } from '#server/config/app-config.js';
import { AgentRepository } from '#server/org/agents/agent.repository.js';
import { ProjectRepository } from '#server/org/projects/project.repository.js';
import { UserRepository } from '#server/org/users/user.repository.js';
import { synthesiseCall } from './demo-audio.js';
import { RecordingsService } from '#server/recordings/recordings.service.js';
import { SamplingService } from '#server/sampling/sampling.service.js';
import { DEFAULT_SAMPLING_RULES, SamplingPlanService } from '#server/sampling/sampling-plan.service.js';
import { demoCall, seededRandom } from './demo-calls.js';
import { callsPerAgentOn, shortCallsOn } from './demo-history.js';

/** A customer who keeps calling: the demo's complaint to look up by number. */
export const DEMO_COMPLAINT_NUMBER = '13800138000';

/**
 * Fills the demo centre with weeks of calls (demo-history.ts: the latest week full length, older ones
 * fewer and shorter) through the real ingestion path (validation, decoding,
 * peaks, storage), so what a newcomer sees is what a recording system's pushes would produce.
 */
@Injectable()
export class DemoCallsService {
  private readonly logger = new Logger('Demo');

  constructor(
    private readonly users: UserRepository,
    private readonly agents: AgentRepository,
    private readonly projects: ProjectRepository,
    private readonly sessions: SessionService,
    private readonly recordings: RecordingsService,
    private readonly sampling: SamplingService,
    private readonly plans: SamplingPlanService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async seed(days: number, callsPerAgentPerDay: number): Promise<number> {
    const admin = await this.users.firstAdmin();
    if (!admin) return 0;
    const actor = await this.sessions.authUser({ id: admin.id, username: admin.username, displayName: admin.displayName, roles: [Role.Admin] });
    const agents = await this.agents.activeWithProject();
    const toTraditional = OpenCC.Converter({ from: 'cn', to: 'hk' });
    const random = seededRandom(20261127);
    const today = new Date();
    let stored = 0;
    // The days before today, so that every call is already over whenever the demo starts.
    for (let d = days; d >= 1; d--) {
      const day = localDateOf(new Date(today.getTime() - d * 86_400_000), process.env.TZ);
      const calls = callsPerAgentOn(d, callsPerAgentPerDay);
      const short = shortCallsOn(d);
      for (const agent of agents) {
        for (let k = 0; k < calls; k++) {
          const direction = agent.project === 'TM' ? 'outbound' : 'inbound';
          const call = demoCall(random, direction, toTraditional, { short });
          const stereo = random() < 0.3 && !short; // short calls mono: half the disk
          const minutes = 9 * 60 + Math.floor(random() * 11 * 60);
          const startedAt = `${day}T${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}:${String(Math.floor(random() * 60)).padStart(2, '0')}+08:00`;
          const customerNumber =
            stored % 97 === 5 ? DEMO_COMPLAINT_NUMBER : `1${[3, 5, 8, 9][Math.floor(random() * 4)]}${String(Math.floor(random() * 1e9)).padStart(9, '0')}`;
          const audio = synthesiseCall({ segments: call.transcript.segments, duration: call.duration, stereo, seed: Math.floor(random() * 2 ** 31), codec: 'alaw' });
          const metadata = {
            externalId: `DEMO-${day.replaceAll('-', '')}-${agent.employeeNo}-${k + 1}`,
            agent: agent.employeeNo,
            startedAt,
            direction,
            customerNumber,
            businessType: call.businessType,
            channels: stereo ? ChannelLayout.StereoAgentLeft : ChannelLayout.Mono,
          };
          const result = await this.recordings.ingest(actor, audio, JSON.stringify(metadata), JSON.stringify(call.transcript));
          if (result.created) stored++;
        }
      }
      this.logger.log(`Demo calls of ${day} stored (${stored} so far)`);
    }
    return stored;
  }

  /**
   * Runs each project's daily sampling over the demo days; answers how many calls were given out.
   * A demo agent takes 3 calls a day, not a real centre's 60: the demo plan draws 1 a day (+1 for
   * focus agents) so that sampling still picks some calls and leaves others.
   */
  async sampleDays(days: number): Promise<number> {
    const projects = await this.projects.listActive();
    const firstDay = localDateOf(new Date(Date.now() - days * 86_400_000), process.env.TZ);
    // The older weeks' calls are short (demo-history.ts): the demo plan leaves out only calls under 15 s.
    for (const { id } of projects) await this.plans.startPlan(id, firstDay, { ...DEFAULT_SAMPLING_RULES, callsPerAgent: 1, focusExtraCalls: 1, minDurationSeconds: 15 });
    let picked = 0;
    for (let d = days; d >= 1; d--) {
      const day = localDateOf(new Date(Date.now() - d * 86_400_000), process.env.TZ);
      for (const project of projects) picked += (await this.sampling.runFor(project, day, null)).run.assignments.length;
    }
    return picked;
  }
}
