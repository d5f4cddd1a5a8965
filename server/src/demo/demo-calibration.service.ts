import { Injectable, Logger } from '@nestjs/common';
import type { ChecklistItem } from '#shared/checklists/types.js';
import type { AuthUser } from '#server/auth/auth-user.js';
import { CalibrationService } from '#server/calibration/calibration.service.js';
import { EvaluationsService } from '#server/evaluations/evaluations.service.js';

/** A demo call the session gives the inspectors to score. */
export interface DemoCalibrationCall {
  id: string;
  durationSeconds: number;
}

/**
 * The demo centre's calibration (issue 15): the supervisor gives CS's two inspectors the same two calls
 * of the demo team, each scores them blind in the calibration source through the real services, and the
 * supervisor reveals the session, so that the calibration page, its results (verdicts side by side,
 * agreement, kappa, spread) and the inspector-consistency page's calibration agreement show something
 * real. The inspectors disagree on the greeting of the first call and agree on everything else.
 */
@Injectable()
export class DemoCalibrationService {
  private readonly logger = new Logger('Demo');

  constructor(
    private readonly calibration: CalibrationService,
    private readonly evaluations: EvaluationsService,
  ) {}

  async seed(o: { supervisor: AuthUser; inspectors: [AuthUser, AuthUser]; calls: DemoCalibrationCall[]; checklist: ChecklistItem[]; item: string; deadline: string }) {
    if (o.calls.length < 2) return;
    const calls = o.calls.slice(0, 2);
    const session = await this.calibration.create(o.supervisor, {
      title: '开场白校准：问候语怎样算合格',
      recordings: calls.map((c) => c.id),
      participants: o.inspectors.map((i) => i.username),
      deadline: o.deadline,
    });
    for (const [n, inspector] of o.inspectors.entries()) {
      for (const [c, call] of calls.entries()) {
        // inspector1 fails the first call's greeting (said after the 15 s window), his colleague lets it pass.
        const failsGreeting = c === 0 && n === 0;
        const items = o.checklist.map((i) =>
          i.code === o.item && failsGreeting
            ? { code: i.code, verdict: 'fail' as const, comment: '问候语在开场 15 秒之后才说', at: Math.min(2, Math.max(0, call.durationSeconds - 1)) }
            : { code: i.code, verdict: 'pass' as const },
        );
        await this.evaluations.create(inspector, { recordingId: call.id, source: 'calibration', items });
      }
    }
    await this.calibration.reveal(o.supervisor, session.id);
    this.logger.log(`Demo calibration ready: session ${session.id} scored by ${o.inspectors.map((i) => i.username).join(' and ')}, revealed`);
  }
}
