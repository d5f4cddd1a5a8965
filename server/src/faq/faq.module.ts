import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ChecklistsModule } from '#server/checklists/checklists.module.js';
import { RecordingsModule } from '#server/recordings/recordings.module.js';
import { ReportsModule } from '#server/reports/reports.module.js';
import { FaqEntryEntity, FaqProposalEntity, FaqSearchGenerationEntity, FaqVersionEntity } from './faq.entity.js';
import { FaqController, FaqProposalsController } from './faq.controller.js';
import { FaqRepository } from './faq.repository.js';
import { FaqSearchIndex } from './faq-search-index.js';
import { FaqService } from './faq.service.js';

@Module({
  imports: [
    ChecklistsModule,
    RecordingsModule,
    ReportsModule,
    TypeOrmModule.forFeature([FaqEntryEntity, FaqVersionEntity, FaqProposalEntity, FaqSearchGenerationEntity]),
  ],
  controllers: [FaqController, FaqProposalsController],
  providers: [FaqRepository, FaqSearchIndex, FaqService],
  exports: [FaqService],
})
export class FaqModule {}
