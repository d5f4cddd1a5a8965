import 'reflect-metadata';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import express, { type NextFunction, type Request, type Response } from 'express';
import { AppModule } from './app.module.js';
import type { AppConfig } from './config/app-config.js';
import { AllExceptionsFilter } from './common/exception.filter.js';
import { InputGuardPipe } from './common/input-guard.js';
import { requestLogger } from './common/request-logger.js';
import { securityHeaders } from './common/security-headers.js';
import { createValidationPipe } from './common/validation.js';
import { withStartupLock } from './database/startup-lock.js';
import { withApiSchemas } from './openapi/api-document.js';

/**
 * Builds and initialises the whole application; main.ts and the API tests both start it from here.
 * Start-up work (migrations, the first admin, the demo centre) runs under the database's start-up
 * lock, so processes started together do it once (startup-lock.ts).
 */
export function createApp(config: AppConfig & { databaseUrl: string }): Promise<NestExpressApplication> {
  return withStartupLock(config.databaseUrl, async () => {
    const app = await buildApp(config);
    await app.init();
    return app;
  });
}

async function buildApp(config: AppConfig & { databaseUrl: string }): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    logger: config.logLevel === 'silent' ? false : ['error', 'warn', 'log'],
    bodyParser: false,
  });
  app.set('trust proxy', config.trustProxy);
  app.disable('x-powered-by');
  for (const handler of securityHeaders()) app.use(handler);
  app.use(requestLogger(config.logLevel !== 'silent'));
  if (config.processRole === 'worker') app.use(healthOnly);
  app.useBodyParser('json', { limit: '5mb' });
  app.setGlobalPrefix('api');
  app.useGlobalFilters(new AllExceptionsFilter());
  app.useGlobalPipes(new InputGuardPipe(), createValidationPipe());

  const openApi = new DocumentBuilder()
    .setTitle('质检平台 QA platform API')
    .setDescription('Call-centre quality inspection: organisation, recordings, checklists, evaluations, sampling.')
    .setVersion('0.1')
    .addBearerAuth()
    .build();
  SwaggerModule.setup('api/docs', app, () => withApiSchemas(SwaggerModule.createDocument(app, openApi)), { jsonDocumentUrl: 'api/docs/json' });

  if (config.webDir && config.processRole !== 'worker' && existsSync(path.join(config.webDir, 'index.html'))) serveWebApp(app, config.webDir);
  return app;
}

/** A worker serves no pages and no API: its port answers only the orchestrator's GET /api/health. */
function healthOnly(req: Request, res: Response, next: NextFunction): void {
  if ((req.method === 'GET' || req.method === 'HEAD') && req.path === '/api/health') return next();
  res.status(404).json({ statusCode: 404, message: 'A worker process (PROCESS_ROLE=worker) serves only GET /api/health' });
}

/** The built React app at `/`, with every non-API path falling back to index.html for the router. */
function serveWebApp(app: NestExpressApplication, webDir: string): void {
  const isApi = (req: Request) => req.path === '/api' || req.path.startsWith('/api/');
  const assets = express.static(webDir, { index: false, maxAge: '1h' });
  // Not for API calls: the static handler would look for a file (a stat on disk) on every request first.
  app.use((req: Request, res: Response, next: NextFunction) => (isApi(req) ? next() : assets(req, res, next)));
  app.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || isApi(req)) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(path.join(webDir, 'index.html'));
  });
}
