import { Injectable, Logger } from '@nestjs/common';
import type { AuthUser } from '#server/auth/auth-user.js';
import { FaqService } from '#server/faq/faq.service.js';
import { DEMO_FAQ } from './demo-faq.js';

/**
 * The demo centre's FAQ: its entries, written and published by the FAQ maintainer through the real
 * service, and, once the demo's calls are scored, an inspector's pending proposal from one of them.
 */
@Injectable()
export class DemoFaqService {
  private readonly logger = new Logger('Demo');

  constructor(private readonly faq: FaqService) {}

  /** The demo FAQ maintainer publishes the demo entries into an FAQ that has none yet. */
  async seedEntries(maintainer: AuthUser): Promise<void> {
    if ((await this.faq.search(maintainer, { page: 1, pageSize: 1 })).total > 0) return;
    for (const entry of DEMO_FAQ) {
      const created = await this.faq.create(maintainer, entry);
      await this.faq.publish(maintainer, created.id, { reason: '首批知识库条目' });
    }
    this.logger.log(`Demo FAQ ready: ${DEMO_FAQ.length} published entries`);
  }

  /** inspector1 proposes a new entry from a scored call: what the agent could not answer there. */
  async seedProposal(inspector: AuthUser, recordingId: string, evaluationId: string, at: number): Promise<void> {
    await this.faq.propose(inspector, {
      recordingId,
      evaluationId,
      code: 'B3',
      at,
      question: '5G 套餐可以降档吗？',
      answer: '合约期满后可降档，次月生效；合约期内只能升档。',
      note: '客户问能否降档，坐席回答“不清楚”，知识库里没有这一条',
    });
  }
}
