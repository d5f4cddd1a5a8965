import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '#server/auth/auth.module.js';
import { ChecklistsModule } from '#server/checklists/checklists.module.js';
import { CalibrationCallEntity, CalibrationGuidanceEntity, CalibrationParticipantEntity, CalibrationSessionEntity } from './calibration.entity.js';
import { CalibrationController } from './calibration.controller.js';
import { CalibrationRepository } from './calibration.repository.js';
import { CalibrationService } from './calibration.service.js';

/** Calibration sessions (issue 15). */
@Module({
  imports: [
    TypeOrmModule.forFeature([CalibrationSessionEntity, CalibrationCallEntity, CalibrationParticipantEntity, CalibrationGuidanceEntity]),
    AuthModule,
    ChecklistsModule,
  ],
  controllers: [CalibrationController],
  providers: [CalibrationRepository, CalibrationService],
  exports: [CalibrationService],
})
export class CalibrationModule {}
