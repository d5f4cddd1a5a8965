import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import PgBoss from 'pg-boss';
import { DataSource } from 'typeorm';
import type { TestProject } from 'vitest/node';
import { dataSourceOptions } from '#server/database/data-source-options.js';
import { startEmbeddedPostgres } from '#server/database/embedded-postgres.js';

import type {} from './database.js'; // declares the provided `templateUrl`

interface TemplateDatabase {
  url: string;
  stop(): Promise<void>;
}

/** Shared by the projects of one run (api, browser): vitest loads this file once per project, in one process. */
const SHARED = Symbol.for('qa.test.template-database');
type Shared = { database: Promise<TemplateDatabase>; projects: number };

/**
 * One real PostgreSQL for the whole run (STACK.md trap 6): migrated once, then every test file
 * gets its own database made from it with CREATE DATABASE … TEMPLATE. Each project that needs a
 * database names this file as its globalSetup; the first starts PostgreSQL, the others reuse it,
 * and the last to finish stops it.
 */
export default async function setup(project: TestProject) {
  const holder = globalThis as typeof globalThis & { [SHARED]?: Shared };
  const shared = (holder[SHARED] ??= { database: startTemplateDatabase(), projects: 0 });
  shared.projects++;
  const database = await shared.database;
  project.provide('templateUrl', database.url);
  return async () => {
    if (--shared.projects > 0) return;
    delete holder[SHARED];
    await database.stop();
  };
}

async function startTemplateDatabase(): Promise<TemplateDatabase> {
  keepFailingExitCode();
  const dir = await mkdtemp(path.join(os.tmpdir(), 'qa-test-'));
  await chmod(dir, 0o755);
  const db = await startEmbeddedPostgres(path.join(dir, 'pg'), { fsyncOff: true });
  const ds = await new DataSource(dataSourceOptions(db.url)).initialize();
  await ds.runMigrations();
  // Entities and migrations must agree: this is `migration:generate --check`, in every test run.
  const drift = await ds.driver.createSchemaBuilder().log();
  await ds.destroy();
  if (drift.upQueries.length) {
    await db.stop();
    throw new Error(`Entities and migrations differ; run npm run migration:generate -- Name:\n${drift.upQueries.map((q) => q.query).join('\n')}`);
  }
  // pg-boss creates its own schema on first start; do it once here so every copy has it.
  const boss = new PgBoss({ connectionString: db.url, schema: 'pgboss', supervise: false, schedule: false });
  await boss.start();
  await boss.stop({ graceful: false, wait: true });
  return {
    url: db.url,
    async stop() {
      await db.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * embedded-postgres registers an exit hook (async-exit-hook) that calls process.exit(0) on
 * 'beforeExit', which would erase the exit code vitest sets for failed tests: a red run would exit
 * 0 and CI would take it for green. Keep a failing code that is already set.
 */
function keepFailingExitCode(): void {
  const exit = process.exit.bind(process);
  process.exit = ((code?: number | string | null) => exit(!code && process.exitCode ? process.exitCode : (code ?? undefined))) as typeof process.exit;
}
