import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RecordingsModule } from '#server/recordings/recordings.module.js';
import { RetentionPolicyEntity } from './retention-policy.entity.js';
import { RetentionController } from './retention.controller.js';
import { RetentionRepository } from './retention.repository.js';
import { RetentionSchedule } from './retention-schedule.js';
import { RetentionService } from './retention.service.js';

/** Retention of call audio per project (issue 16): policies, the daily run, its audit. */
@Module({
  imports: [RecordingsModule, TypeOrmModule.forFeature([RetentionPolicyEntity])],
  controllers: [RetentionController],
  providers: [RetentionRepository, RetentionService, RetentionSchedule],
  exports: [RetentionService],
})
export class RetentionModule {}
