import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { AgentStatus, Role } from '#shared/org.js';
import { hashPassword } from '#server/auth/auth.service.js';
import { SessionService } from '#server/auth/session.service.js';
import { APP_CONFIG, type AppConfig } from '#server/config/app-config.js';
import { TransactionRunner } from '#server/database/transaction.js';
import { AgentRepository } from '#server/org/agents/agent.repository.js';
import type { ProjectEntity } from '#server/org/projects/project.entity.js';
import { ProjectRepository } from '#server/org/projects/project.repository.js';
import type { TeamEntity } from '#server/org/teams/team.entity.js';
import { TeamRepository } from '#server/org/teams/team.repository.js';
import { UserRepository } from '#server/org/users/user.repository.js';
import { RecordingRepository } from '#server/recordings/recording.repository.js';
import { KpiSchemeService } from '#server/kpi/kpi-scheme.service.js';
import { KpiService } from '#server/kpi/kpi.service.js';
import { DemoCallsService } from './demo-calls.service.js';
import { DemoFaqService } from './demo-faq.service.js';
import { DemoFollowUpService } from './demo-follow-up.service.js';
import { DemoHistoryService } from './demo-history.service.js';
import { DEMO_PROJECTS, DEMO_TEAMS, DEMO_USERS, demoAgents } from './demo-centre.js';

/** Gives a new database its `admin` user and, with DEMO_DATA=1, the demo call centre. */
@Injectable()
export class DemoService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Setup');

  constructor(
    private readonly projects: ProjectRepository,
    private readonly teams: TeamRepository,
    private readonly agents: AgentRepository,
    private readonly users: UserRepository,
    private readonly recordings: RecordingRepository,
    private readonly transaction: TransactionRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly calls: DemoCallsService,
    private readonly history: DemoHistoryService,
    private readonly followUp: DemoFollowUpService,
    private readonly kpi: KpiService,
    private readonly kpiSchemes: KpiSchemeService,
    private readonly faq: DemoFaqService,
    private readonly sessions: SessionService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.ensureAdmin();
    if (!this.config.demoData) return;
    await this.seedDemoCentre();
    const maintainer = await this.users.byUsername('faq');
    if (maintainer) {
      await this.faq.seedEntries(
        await this.sessions.authUser({ id: maintainer.id, username: maintainer.username, displayName: maintainer.displayName, roles: maintainer.roles }),
      );
    }
    if ((await this.recordings.countByExternalIdPrefix('DEMO-')) === 0 && this.config.demoCallDays > 0) {
      // In the background, so the sign-in page is up at once while the weeks of calls fill in.
      void this.calls
        .seed(this.config.demoCallDays, 3)
        .then(async (count) => {
          // Sample the demo days, so inspectors open the demo with a queue to work through.
          const sampled = await this.calls.sampleDays(this.config.demoCallDays);
          // The weeks of listening before: scored samples, a few amendments, coaching done on the older ones.
          const history = await this.history.seed(this.config.demoCallDays);
          // Then what follows a score: defects, coaching items, a common problem and an open rectification notice.
          const evaluated = await this.followUp.seed();
          this.logger.log(
            `Demo centre ready: ${count} calls over ${this.config.demoCallDays} days, ${sampled} sampled for inspectors, ${history.evaluations + evaluated} evaluated`,
          );
        })
        .catch((e) => this.logger.error(`Demo calls failed: ${e instanceof Error ? e.message : String(e)}`));
    }
  }

  private async ensureAdmin(): Promise<void> {
    if (await this.users.exists('admin')) return;
    const password = this.config.adminPassword ?? randomBytes(9).toString('base64url');
    await this.users.save({ username: 'admin', displayName: '系统管理员', roles: [Role.Admin], allProjects: true, passwordHash: await hashPassword(password) });
    if (!this.config.adminPassword) {
      // Printed once, straight to the console, never into the JSON request log.
      process.stdout.write(`\n  First start: user "admin" was created with password  ${password}\n  (set QA_ADMIN_PASSWORD to choose it)\n\n`);
    }
  }

  private async seedDemoCentre(): Promise<void> {
    if (await this.projects.any()) return;
    // No password anyone knows: DEMO_PASSWORD for all (tests, a shared demo), else a random one each, printed once.
    const passwords = new Map(DEMO_USERS.map((u) => [u.username, this.config.demoPassword ?? randomBytes(9).toString('base64url')]));
    const hashes = new Map<string, string>();
    for (const [username, password] of passwords) hashes.set(username, await hashPassword(password));
    const created: string[] = [];
    await this.transaction.run(async (tx) => {
      const projects = new Map<string, ProjectEntity>();
      for (const p of DEMO_PROJECTS) projects.set(p.code, await this.projects.create(p, tx));
      const teams = new Map<string, TeamEntity>();
      for (const t of DEMO_TEAMS) teams.set(t.code, await this.teams.create({ code: t.code, name: t.name, projectId: projects.get(t.project)!.id }, tx));
      await this.agents.insert(
        demoAgents(new Date()).map((a) => ({
          employeeNo: a.employeeNo,
          name: a.name,
          teamId: teams.get(a.team)!.id,
          hiredAt: a.hiredAt,
          grade: a.grade,
          status: a.left ? AgentStatus.Left : AgentStatus.Active,
        })),
        tx,
      );
      for (const u of DEMO_USERS) {
        if (await this.users.exists(u.username, tx)) continue;
        await this.users.save(
          {
            username: u.username,
            displayName: u.displayName,
            roles: u.roles,
            allProjects: !!u.allProjects,
            passwordHash: hashes.get(u.username)!,
            projects: (u.projects ?? []).map((c) => projects.get(c)!),
            teams: (u.teams ?? []).map((c) => teams.get(c)!),
          },
          tx,
        );
        created.push(u.username);
      }
    });
    // A quarter and a half of operational figures, so the quarterly review (/kpi) has something to grade.
    const figures = await this.kpi.seedDemoFigures();
    // TM weighs its sales target into this quarter's KPI score, so the KPI scheme shows in use.
    const parts = await this.kpiSchemes.seedDemo();
    this.logger.log(`Demo call centre created: users ${created.join(', ')}; ${figures} agent-days of operational figures; ${parts} KPI part values`);
    if (this.config.demoPassword || !created.length) return;
    // Printed once, straight to the console, never into the JSON request log.
    const width = Math.max(...created.map((u) => u.length));
    process.stdout.write(
      `\n  Demo users (passwords printed this once; set DEMO_PASSWORD to choose one):\n${created.map((u) => `    ${u.padEnd(width)}  ${passwords.get(u)}`).join('\n')}\n\n`,
    );
  }
}
