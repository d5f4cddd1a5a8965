import { Injectable, Logger } from '@nestjs/common';
import type { AuthUser } from '#server/auth/auth-user.js';
import { ExamplesService } from '#server/examples/examples.service.js';

/** A scored demo call the examples are marked on. */
export interface DemoScoredCall {
  evaluationId: string;
  durationSeconds: number;
  /** The items it failed. */
  failed: string[];
}

/**
 * The weekly sharing of the demo centre (issue 14, seed 11.5): inspector1 marks a few of the demo
 * team's scored calls as good and bad examples through the real service, and the supervisor puts them
 * into one sharing session presented by inspector1, so that the examples page shows something real.
 */
@Injectable()
export class DemoExamplesService {
  private readonly logger = new Logger('Demo');

  constructor(private readonly examples: ExamplesService) {}

  async seed(o: { inspector: AuthUser; supervisor: AuthUser; project: string; date: string; calls: DemoScoredCall[]; item: string; other?: string }): Promise<void> {
    const moment = (call: DemoScoredCall, from: number, length: number) => {
      const start = Math.min(from, Math.max(0, call.durationSeconds - 1));
      return { start, end: Math.min(call.durationSeconds, start + length) };
    };
    const bad = o.calls.filter((c) => c.failed.includes(o.item)).slice(0, 2);
    const good = o.calls.filter((c) => !c.failed.length).slice(0, 2);
    const ids: string[] = [];
    for (const call of good) {
      const example = await this.examples.create(o.inspector, {
        evaluationId: call.evaluationId,
        kind: 'good',
        items: [o.item, ...(o.other ? [o.other] : [])],
        note: '开场报工号、问候语完整，语速平稳，随后准确复述客户诉求，可作为新人模仿的范例',
        tags: ['开场白', '新人培训'],
        regions: [moment(call, 0, 6), moment(call, 8, 5)],
      });
      ids.push(example.id);
    }
    for (const call of bad) {
      const example = await this.examples.create(o.inspector, {
        evaluationId: call.evaluationId,
        kind: 'bad',
        items: [o.item],
        note: '开场未报工号、没有问候语，直接询问来意，客户语气随即变差',
        tags: ['开场白'],
        regions: [moment(call, 0, 5)],
      });
      ids.push(example.id);
    }
    if (!ids.length) return;
    // Bad first, then the good ones: what went wrong, then how it is done.
    const order = [...ids.slice(good.length), ...ids.slice(0, good.length)];
    await this.examples.createSession(o.supervisor, {
      project: o.project,
      date: o.date,
      title: '本周分享：开场白的正反案例',
      presenter: o.inspector.username,
      exampleIds: order,
    });
    this.logger.log(`Demo examples ready: ${ids.length} example calls and one sharing session`);
  }
}
