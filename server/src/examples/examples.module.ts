import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RecordingsModule } from '#server/recordings/recordings.module.js';
import { CallExampleEntity, FaqEntryExampleEntity, SharingSessionEntity, SharingSessionExampleEntity } from './example.entity.js';
import { ExampleRepository } from './example.repository.js';
import { ExamplesController, FaqExampleCandidatesController, FaqExamplesController, SharingSessionsController } from './examples.controller.js';
import { ExamplesService } from './examples.service.js';

/** Example calls for the weekly sharing, their sessions, and the FAQ's links to them (issue 14, seed 11.5). */
@Module({
  imports: [RecordingsModule, TypeOrmModule.forFeature([CallExampleEntity, SharingSessionEntity, SharingSessionExampleEntity, FaqEntryExampleEntity])],
  controllers: [ExamplesController, SharingSessionsController, FaqExamplesController, FaqExampleCandidatesController],
  providers: [ExampleRepository, ExamplesService],
  exports: [ExamplesService],
})
export class ExamplesModule {}
