import { Controller, Get, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Public } from '../auth/decorators.js';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly db: DataSource) {}

  /** 200 once the database answers, 503 otherwise (CONTRACT.md "Starting"). */
  @Public()
  @Get()
  async health(@Res({ passthrough: true }) res: Response): Promise<Record<string, unknown>> {
    try {
      await Promise.race([this.db.query('SELECT 1'), new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 3000))]);
      return { status: 'ok' };
    } catch {
      res.status(503);
      return { statusCode: 503, status: 'unavailable', message: 'Database does not answer', code: 'UNAVAILABLE' };
    }
  }
}
