import 'reflect-metadata';
import type { Server } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from './app.factory.js';
import { type AppConfig, readConfig } from './config/app-config.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './database/embedded-postgres.js';

process.env.TZ ??= 'Asia/Shanghai'; // a call centre's "day" is its own (CONTRACT.md, dates)

async function main(): Promise<void> {
  const here = path.dirname(fileURLToPath(import.meta.url));
  let config: AppConfig;
  try {
    config = readConfig(process.env, { demoData: process.argv.includes('--demo'), webDir: path.resolve(here, '../../web') });
  } catch (e) {
    // A refused configuration (the demo centre in production): its reason, without a stack trace.
    process.stderr.write(`Not starting: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  }
  let embedded: EmbeddedDatabase | undefined;
  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    process.stdout.write(`Starting the embedded PostgreSQL under ${config.dataDir}/pg …\n`);
    embedded = await startEmbeddedPostgres(path.join(config.dataDir, 'pg'));
    databaseUrl = embedded.url;
  }
  const app = await createApp({ ...config, databaseUrl });
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`${signal}: stopping…\n`);
    // First the HTTP server: no new connections, requests in flight finish (at most 10 s), then the
    // job queue (a worker's jobs under way finish or are released) and the database connections.
    await drain(app.getHttpServer() as Server, 10_000);
    await app.close().catch(() => undefined);
    await embedded?.stop().catch(() => undefined);
    process.exit(0);
  };
  // The embedded-postgres package (imported above, used or not) hooks SIGTERM and SIGINT through
  // async-exit-hook, which calls process.exit(143) at once: that would cut requests in flight and
  // the jobs under way. This process stops its embedded PostgreSQL itself, last.
  process.removeAllListeners('SIGTERM');
  process.removeAllListeners('SIGINT');
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  await app.listen(config.port);
  if (config.processRole === 'worker') process.stdout.write(`质检平台 QA platform worker: health at http://localhost:${config.port}/api/health\n`);
  else process.stdout.write(`质检平台 QA platform${config.processRole === 'api' ? ' (api)' : ''}: http://localhost:${config.port}  (API docs: /api/docs)\n`);
}

/** Stops accepting, lets the requests in flight answer (closing each connection after it), bounded by `ms`. */
function drain(server: Server, ms: number): Promise<void> {
  return new Promise((resolve) => {
    server.on('request', (_req, res) => res.setHeader('Connection', 'close'));
    const idle = setInterval(() => server.closeIdleConnections(), 100);
    const done = () => {
      clearInterval(idle);
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(() => {
      server.closeAllConnections();
      done();
    }, ms);
    server.close(done);
    server.closeIdleConnections();
  });
}

main().catch((e) => {
  process.stderr.write(`Failed to start: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
