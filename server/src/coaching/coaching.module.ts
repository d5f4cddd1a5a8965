import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AutocheckModule } from '#server/autocheck/autocheck.module.js';
import { ReportsModule } from '#server/reports/reports.module.js';
import { CoachingEventEntity, CoachingItemEntity, CoachingSessionEntity, DefectEntity } from './coaching.entity.js';
import { CoachingController } from './coaching.controller.js';
import { CoachingRepository } from './coaching.repository.js';
import { CoachingService } from './coaching.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([DefectEntity, CoachingItemEntity, CoachingSessionEntity, CoachingEventEntity]), ReportsModule, AutocheckModule],
  controllers: [CoachingController],
  providers: [CoachingRepository, CoachingService],
  exports: [CoachingService],
})
export class CoachingModule {}
