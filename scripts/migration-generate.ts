/**
 * `npm run migration:generate -- Name`: starts a throw-away embedded PostgreSQL, applies the
 * existing migrations, lets the TypeORM CLI write the difference to the entities as a new
 * timestamped migration, and lists it in server/src/database/migrations.ts.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '#server/database/data-source-options.js';
import { startEmbeddedPostgres } from '#server/database/embedded-postgres.js';

const name = process.argv[2];
if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) {
  console.error('usage: npm run migration:generate -- MigrationName (PascalCase)');
  process.exit(2);
}
const root = process.cwd();
const dir = await mkdtemp(path.join(os.tmpdir(), 'qa-migrate-'));
const db = await startEmbeddedPostgres(path.join(dir, 'pg'), { fsyncOff: true });
try {
  const ds = await new DataSource(dataSourceOptions(db.url)).initialize();
  await ds.runMigrations();
  await ds.destroy();
  const before = new Set(await readdir(path.join(root, 'server/src/migrations')));
  execFileSync('npx', ['typeorm', 'migration:generate', '-p', '-d', 'dist/server/src/data-source.js', `server/src/migrations/${name}`], {
    stdio: 'inherit',
    env: { ...process.env, DATABASE_URL: db.url },
  });
  const added = (await readdir(path.join(root, 'server/src/migrations'))).filter((f) => !before.has(f));
  const listFile = path.join(root, 'server/src/database/migrations.ts');
  let list = await readFile(listFile, 'utf8');
  for (const file of added) {
    const source = await readFile(path.join(root, 'server/src/migrations', file), 'utf8');
    const cls = /export class (\w+)/.exec(source)![1];
    list = `import { ${cls} } from '#server/migrations/${file.replace(/\.ts$/, '.js')}';\n` + list;
    list = list.replace(
      /(export const MIGRATIONS: \w+\[\] = \[)([^\]]*)\]/,
      (_, head, items) => `${head}${items.trim() ? `${items.trim().replace(/,$/, '')}, ` : ''}${cls}]`,
    );
    console.log(`added ${file} (${cls})`);
  }
  await writeFile(listFile, list);
} finally {
  await db.stop();
  await rm(dir, { recursive: true, force: true });
}
