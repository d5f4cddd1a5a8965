import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ChecklistsModule } from '#server/checklists/checklists.module.js';
import { RectificationController } from './rectification.controller.js';
import { RectificationNoticeEntity, RectificationNoticeHistoryEntity } from './rectification.entity.js';
import { RectificationRepository } from './rectification.repository.js';
import { RectificationService } from './rectification.service.js';

/** Rectification notices; exports the service the daily sampling asks which agents to re-check. */
@Module({
  imports: [TypeOrmModule.forFeature([RectificationNoticeEntity, RectificationNoticeHistoryEntity]), ChecklistsModule],
  controllers: [RectificationController],
  providers: [RectificationRepository, RectificationService],
  exports: [RectificationService],
})
export class RectificationModule {}
