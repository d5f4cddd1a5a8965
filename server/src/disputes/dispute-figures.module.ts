import { Module } from '@nestjs/common';
import { DisputeFiguresService } from './dispute-figures.service.js';
import { DisputeRepository } from './dispute.repository.js';

/**
 * The disputes' queries alone, with no dependency on evaluations: the reports (the inspector-consistency
 * page's `upheldByInspector`) read them without a module cycle (evaluations → coaching → reports).
 */
@Module({
  providers: [DisputeRepository, DisputeFiguresService],
  exports: [DisputeRepository, DisputeFiguresService],
})
export class DisputeFiguresModule {}
