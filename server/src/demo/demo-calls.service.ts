import { Inject, Injectable, Logger } from '@nestjs/common';
import * as OpenCC from 'opencc-js';
import { DataSource } from 'typeorm';
import { localDateOf } from '../../../shared/src/dates.js';
import { Role } from '../../../shared/src/org.js';
import { ChannelLayout } from '../../../shared/src/recordings.js';
import { SessionService } from '../auth/session.service.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { synthesiseCall } from './demo-audio.js';
import { RecordingsService } from '../recordings/recordings.service.js';
import { SamplingService } from '../sampling/sampling.service.js';
import { DEFAULT_SAMPLING_RULES } from '../sampling/sampling-plan.service.js';
import { demoCall, seededRandom } from './demo-calls.js';

/** A customer who keeps calling: the demo's complaint to look up by number. */
export const DEMO_COMPLAINT_NUMBER = '13800138000';

/**
 * Fills the demo centre with a week of calls through the real ingestion path (validation, decoding,
 * peaks, storage), so what a newcomer sees is what a recording system's pushes would produce.
 */
@Injectable()
export class DemoCallsService {
  private readonly logger = new Logger('Demo');

  constructor(
    private readonly db: DataSource,
    private readonly sessions: SessionService,
    private readonly recordings: RecordingsService,
    private readonly sampling: SamplingService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async seed(days: number, callsPerAgentPerDay: number): Promise<number> {
    const [admin] = await this.db.query(`SELECT id, username, "displayName", roles::text[] AS roles FROM users WHERE 'admin' = ANY(roles) ORDER BY "createdAt" LIMIT 1`);
    if (!admin) return 0;
    const actor = await this.sessions.authUser({ ...admin, roles: [Role.Admin] });
    const agents: { employeeNo: string; project: string }[] = await this.db.query(
      `SELECT a."employeeNo", p.code AS project FROM agents a JOIN teams t ON t.id = a."teamId" JOIN projects p ON p.id = t."projectId" WHERE a.status = 'active' ORDER BY a."employeeNo"`,
    );
    const toTraditional = OpenCC.Converter({ from: 'cn', to: 'hk' });
    const random = seededRandom(20261127);
    const today = new Date();
    let stored = 0;
    // The days before today, so that every call is already over whenever the demo starts.
    for (let d = days; d >= 1; d--) {
      const day = localDateOf(new Date(today.getTime() - d * 86_400_000), process.env.TZ);
      for (const agent of agents) {
        for (let k = 0; k < callsPerAgentPerDay; k++) {
          const direction = agent.project === 'TM' ? 'outbound' : 'inbound';
          const call = demoCall(random, direction, toTraditional);
          const stereo = random() < 0.3;
          const minutes = 9 * 60 + Math.floor(random() * 11 * 60);
          const startedAt = `${day}T${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}:${String(Math.floor(random() * 60)).padStart(2, '0')}+08:00`;
          const customerNumber = stored % 97 === 5 ? DEMO_COMPLAINT_NUMBER : `1${[3, 5, 8, 9][Math.floor(random() * 4)]}${String(Math.floor(random() * 1e9)).padStart(9, '0')}`;
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
    const projects: { id: string; code: string }[] = await this.db.query(`SELECT id, code FROM projects WHERE active ORDER BY code`);
    const firstDay = localDateOf(new Date(Date.now() - days * 86_400_000), process.env.TZ);
    for (const { id } of projects) {
      await this.db.query(`INSERT INTO sampling_plans ("projectId", "effectiveFrom", rules) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [
        id,
        firstDay,
        JSON.stringify({ ...DEFAULT_SAMPLING_RULES, callsPerAgent: 1, focusExtraCalls: 1 }),
      ]);
    }
    let picked = 0;
    for (let d = days; d >= 1; d--) {
      const day = localDateOf(new Date(Date.now() - d * 86_400_000), process.env.TZ);
      for (const { code } of projects) picked += (await this.sampling.run(null, code, day)).run.assignments.length;
    }
    return picked;
  }
}
