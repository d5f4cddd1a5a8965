import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ChecklistVersionEntity } from './checklist-version.entity.js';
import { ChecklistVersionRepository } from './checklist-version.repository.js';
import { ChecklistsController } from './checklists.controller.js';
import { ChecklistsService } from './checklists.service.js';
import { DryRunRepository } from './dry-run.repository.js';
import { DryRunService } from './dry-run.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([ChecklistVersionEntity])],
  controllers: [ChecklistsController],
  providers: [ChecklistVersionRepository, ChecklistsService, DryRunRepository, DryRunService],
  exports: [ChecklistsService],
})
export class ChecklistsModule {}
