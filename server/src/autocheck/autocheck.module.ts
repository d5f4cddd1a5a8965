import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ChecklistsModule } from '../checklists/checklists.module.js';
import { RecordingsModule } from '../recordings/recordings.module.js';
import { AgreementService } from './agreement.service.js';
import { AutocheckRunEntity, RecordingAutoCheckEntity } from './auto-check.entity.js';
import { AutocheckController } from './autocheck.controller.js';
import { AutocheckService } from './autocheck.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([RecordingAutoCheckEntity, AutocheckRunEntity]), ChecklistsModule, RecordingsModule],
  controllers: [AutocheckController],
  providers: [AutocheckService, AgreementService],
  exports: [AutocheckService],
})
export class AutocheckModule {}
