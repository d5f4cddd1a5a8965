import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EvaluationsModule } from '#server/evaluations/evaluations.module.js';
import { ExportRequestEntity } from './export-request.entity.js';
import { ExportRequestRepository } from './export-request.repository.js';
import { ExportsController } from './exports.controller.js';
import { ExportsService } from './exports.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([ExportRequestEntity]), EvaluationsModule],
  controllers: [ExportsController],
  providers: [ExportRequestRepository, ExportsService],
})
export class ExportsModule {}
