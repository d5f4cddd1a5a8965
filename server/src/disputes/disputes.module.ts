import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EvaluationsModule } from '#server/evaluations/evaluations.module.js';
import { DisputeFiguresModule } from './dispute-figures.module.js';
import { DisputeEntity, DisputeItemEntity, DisputeStepEntity, EvaluationAcknowledgementEntity } from './dispute.entity.js';
import { DisputesController, EvaluationDisputesController } from './disputes.controller.js';
import { DisputesService } from './disputes.service.js';

/** Acknowledgement and disputes of evaluations (issue 15). */
@Module({
  imports: [TypeOrmModule.forFeature([EvaluationAcknowledgementEntity, DisputeEntity, DisputeItemEntity, DisputeStepEntity]), EvaluationsModule, DisputeFiguresModule],
  controllers: [DisputesController, EvaluationDisputesController],
  providers: [DisputesService],
})
export class DisputesModule {}
