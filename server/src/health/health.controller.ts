import { Controller, Get, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '#server/auth/decorators.js';
import { ApiResult } from '#server/openapi/api-result.js';
import { HealthRepository } from './health.repository.js';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly database: HealthRepository) {}

  /** 200 once the database answers, 503 otherwise (CONTRACT.md "Starting"). */
  @ApiResult('Health')
  @Public()
  @Get()
  async health(@Res({ passthrough: true }) res: Response): Promise<Record<string, unknown>> {
    try {
      await Promise.race([this.database.ping(), new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 3000))]);
      return { status: 'ok' };
    } catch {
      res.status(503);
      return { statusCode: 503, status: 'unavailable', message: 'Database does not answer', code: 'UNAVAILABLE' };
    }
  }
}
