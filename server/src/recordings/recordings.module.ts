import { Module, type OnModuleDestroy } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ChecklistsModule } from '#server/checklists/checklists.module.js';
import { APP_CONFIG, type AppConfig } from '#server/config/app-config.js';
import { NumberSearchEntity, RecordingAccessEntity, RecordingEntity, RecordingPeaksEntity, RecordingTranscriptEntity } from './recording.entity.js';
import { AudioSweep } from './audio-sweep.js';
import { NumberSearchRepository } from './number-search.repository.js';
import { RecordingRepository } from './recording.repository.js';
import { RecordingAccessRepository } from './recording-access.repository.js';
import { RecordingAccessService } from './recording-access.service.js';
import { RecordingsController } from './recordings.controller.js';
import { RecordingsService } from './recordings.service.js';
import { AudioStorage } from './storage/audio-storage.js';
import { createAudioStorage } from './storage/create-audio-storage.js';

@Module({
  imports: [
    ChecklistsModule,
    TypeOrmModule.forFeature([RecordingEntity, RecordingPeaksEntity, RecordingTranscriptEntity, RecordingAccessEntity, NumberSearchEntity]),
    MulterModule.registerAsync({
      inject: [APP_CONFIG],
      // Too large → multer's LIMIT_FILE_SIZE, which Nest answers 413.
      useFactory: (config: AppConfig) => ({ limits: { fileSize: config.maxUploadBytes, files: 1, fieldSize: 20 * 1024 * 1024 } }),
    }),
  ],
  controllers: [RecordingsController],
  providers: [
    RecordingRepository,
    RecordingAccessRepository,
    NumberSearchRepository,
    RecordingsService,
    RecordingAccessService,
    AudioSweep,
    { provide: AudioStorage, inject: [APP_CONFIG], useFactory: (config: AppConfig) => createAudioStorage(config.audioStorage) },
  ],
  exports: [RecordingsService, RecordingRepository, RecordingAccessService, AudioStorage],
})
export class RecordingsModule implements OnModuleDestroy {
  constructor(private readonly storage: AudioStorage) {}

  onModuleDestroy(): void {
    this.storage.close();
  }
}
