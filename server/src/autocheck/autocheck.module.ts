import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ChecklistsModule } from '#server/checklists/checklists.module.js';
import { AgreementService } from './agreement.service.js';
import { AutoCheckDayEntity, AutoCheckMonthEntity, AutocheckRunEntity, RecordingAutoCheckEntity } from './auto-check.entity.js';
import { AutoCheckRepository } from './auto-check.repository.js';
import { AutocheckController } from './autocheck.controller.js';
import { AutocheckService } from './autocheck.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([RecordingAutoCheckEntity, AutocheckRunEntity, AutoCheckDayEntity, AutoCheckMonthEntity]), ChecklistsModule],
  controllers: [AutocheckController],
  providers: [AutoCheckRepository, AutocheckService, AgreementService],
  exports: [AutocheckService],
})
export class AutocheckModule {}
