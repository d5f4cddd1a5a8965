import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { chmod, chown, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres } from '#server/database/embedded-postgres.js';
import { politeTranscript, toneWav } from '../support/audio.js';
import { builders } from '../support/builders.js';
import { allItems } from '../support/evaluations.js';
import { freePort } from '../support/processes.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Issue 16, backups (README "Backups"): the embedded deployment keeps everything under DATA_DIR (the
 * PostgreSQL cluster in DATA_DIR/pg, local audio in DATA_DIR/audio). Its cold backup is a copy of that
 * folder with the server stopped; restored elsewhere, the app starts on it and answers the same data,
 * audio byte for byte. An external PostgreSQL is backed up with pg_dump and restored with pg_restore
 * into a fresh database. The embedded-postgres package ships initdb, pg_ctl and postgres only (no
 * pg_dump), and pg_dump refuses a server newer than itself, so that part runs on Debian's PostgreSQL
 * (`apt-get install postgresql`, which .ci/run does) as the external server, with its own client tools.
 */

const folders: string[] = [];
afterAll(async () => {
  for (const folder of folders) await rm(folder, { recursive: true, force: true });
});

/** A folder the `postgres` user can enter (STACK.md traps 6 and 16). */
async function folder(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'qa-backup-'));
  await chmod(dir, 0o755);
  folders.push(dir);
  return dir;
}

/** The app on an embedded PostgreSQL kept under `dataDir/pg`, as `npm start` runs it. */
async function embeddedApp(dataDir: string): Promise<{ t: TestApp; stop(): Promise<void> }> {
  const db = await startEmbeddedPostgres(path.join(dataDir, 'pg'), { fsyncOff: true });
  try {
    const t = await startTestApp({ DATA_DIR: dataDir }, { url: db.url });
    return {
      t,
      async stop() {
        await t.close();
        await db.stop();
      },
    };
  } catch (e) {
    await db.stop();
    throw e;
  }
}

describe('a cold backup of DATA_DIR', () => {
  it('restored into a fresh folder, starts the app on the same data: organisation, call, transcript, audio and evaluation', { timeout: 240_000 }, async () => {
    const original = path.join(await folder(), 'data');
    const audio = toneWav(3);
    const first = await embeddedApp(original);
    let ids: { recordingId: string; evaluationId: string; project: string; agent: string; score: number };
    try {
      const { t } = first;
      const b = builders(t);
      const project = await b.project({ name: '备份项目' });
      const team = await b.team(project.code);
      const agent = await b.agent(team.code, { name: '李四' });
      const rec = await t
        .as(t.adminToken)
        .post('/api/recordings')
        .attach('audio', audio, 'call.wav')
        .field(
          'metadata',
          JSON.stringify({
            externalId: 'backup-1',
            agent: agent.employeeNo,
            startedAt: '2026-11-20T10:00:00+08:00',
            direction: 'inbound',
            customerNumber: '13812345678',
          }),
        )
        .field('transcript', JSON.stringify(politeTranscript()));
      expect(rec.status).toBe(201);
      const evaluation = await t
        .as(t.adminToken)
        .post('/api/evaluations')
        .send({ recordingId: rec.body.id, source: 'daily', items: await allItems(t, { B1: 'fail' }) });
      expect(evaluation.status).toBe(201);
      ids = { recordingId: rec.body.id, evaluationId: evaluation.body.id, project: project.code, agent: agent.employeeNo, score: evaluation.body.score };
    } finally {
      await first.stop();
    }

    // The backup: the whole folder, with the server stopped (cp -a keeps the cluster's owner and modes).
    const restored = path.join(await folder(), 'data');
    execFileSync('cp', ['-a', original, restored]);
    await rm(original, { recursive: true, force: true }); // nothing is read from the original any more

    const second = await embeddedApp(restored);
    try {
      const { t } = second;
      const api = t.as(t.adminToken);
      expect((await api.get('/api/projects')).body.items.map((p: { code: string; name: string }) => [p.code, p.name])).toContainEqual([ids.project, '备份项目']);
      const recording = await api.get(`/api/recordings/${ids.recordingId}`);
      expect(recording.status).toBe(200);
      expect(recording.body).toMatchObject({
        externalId: 'backup-1',
        agent: ids.agent,
        customerNumber: '13812345678',
        sha256: createHash('sha256').update(audio).digest('hex'),
        transcript: politeTranscript(),
      });
      const played = await api.get(`/api/recordings/${ids.recordingId}/audio`).buffer(true);
      expect(played.status).toBe(200);
      expect(Buffer.compare(played.body as Buffer, audio)).toBe(0);
      const evaluation = await api.get(`/api/evaluations/${ids.evaluationId}`);
      expect(evaluation.status).toBe(200);
      expect(evaluation.body).toMatchObject({ recordingId: ids.recordingId, score: ids.score });
      expect(evaluation.body.items.find((i: { code: string }) => i.code === 'B1').verdict).toBe('fail');
    } finally {
      await second.stop();
    }
  });
});

/** Debian's PostgreSQL server and client tools, the newest installed (/usr/lib/postgresql/<major>/bin). */
function debianPostgres(): string {
  const root = '/usr/lib/postgresql';
  const majors = existsSync(root)
    ? readdirSync(root).filter((v) => existsSync(path.join(root, v, 'bin', 'pg_dump')) && existsSync(path.join(root, v, 'bin', 'postgres')))
    : [];
  if (!majors.length) throw new Error('Debian PostgreSQL (server and pg_dump) is missing: apt-get install postgresql (.ci/run installs it)');
  return path.join(root, majors.sort((a, b) => Number(b) - Number(a))[0], 'bin');
}

/** As root, PostgreSQL's server programs run as the `postgres` user the Debian package creates. */
const asPostgres = (bin: string, args: string[]) =>
  process.getuid?.() === 0 ? execFileSync('runuser', ['-u', 'postgres', '--', bin, ...args], { stdio: 'pipe' }) : execFileSync(bin, args, { stdio: 'pipe' });

/** A throw-away cluster of Debian's PostgreSQL on a free port: the "external" database. */
async function externalPostgres(bin: string): Promise<{ url: (db: string) => string; sql(statement: string): Promise<void>; stop(): void }> {
  const dir = await folder();
  if (process.getuid?.() === 0) await chown(dir, Number(execFileSync('id', ['-u', 'postgres']).toString()), 0);
  const data = path.join(dir, 'pg');
  const port = await freePort();
  asPostgres(path.join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C']);
  asPostgres(path.join(bin, 'pg_ctl'), ['-D', data, '-w', '-l', path.join(dir, 'log'), '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`, 'start']);
  const url = (db: string) => `postgres://postgres@127.0.0.1:${port}/${db}`;
  return {
    url,
    async sql(statement) {
      const client = new pg.Client({ connectionString: url('postgres') });
      await client.connect();
      await client.query(statement).finally(() => client.end());
    },
    stop: () => void asPostgres(path.join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', 'stop']),
  };
}

describe('pg_dump and pg_restore of an external PostgreSQL', () => {
  it('restores the dump into a fresh database, and the app started on it answers the same data', { timeout: 240_000 }, async () => {
    const bin = debianPostgres();
    const server = await externalPostgres(bin);
    try {
      const dataDir = path.join(await folder(), 'data'); // the local audio, shared by both apps as on one host
      await server.sql('CREATE DATABASE qa');
      const first = await startTestApp({ DATA_DIR: dataDir }, { url: server.url('qa') });
      let ids: { recordingId: string; evaluationId: string; project: string; score: number };
      const audio = toneWav(2);
      try {
        const b = builders(first);
        const project = await b.project({ name: '外部库项目' });
        const team = await b.team(project.code);
        const agent = await b.agent(team.code);
        const rec = await first
          .as(first.adminToken)
          .post('/api/recordings')
          .attach('audio', audio, 'call.wav')
          .field('metadata', JSON.stringify({ externalId: 'dump-1', agent: agent.employeeNo, startedAt: '2026-11-21T09:00:00+08:00', direction: 'outbound' }))
          .field('transcript', JSON.stringify(politeTranscript()));
        expect(rec.status).toBe(201);
        const evaluation = await first
          .as(first.adminToken)
          .post('/api/evaluations')
          .send({ recordingId: rec.body.id, source: 'daily', items: await allItems(first, { GREETING: 'fail' }) });
        expect(evaluation.status).toBe(201);
        ids = { recordingId: rec.body.id, evaluationId: evaluation.body.id, project: project.code, score: evaluation.body.score };
      } finally {
        await first.close();
      }

      const dump = path.join(await folder(), 'qa.dump');
      execFileSync(path.join(bin, 'pg_dump'), ['--format=custom', '--file', dump, '--dbname', server.url('qa')]);
      await server.sql('CREATE DATABASE qa_restored');
      execFileSync(path.join(bin, 'pg_restore'), ['--no-owner', '--exit-on-error', '--dbname', server.url('qa_restored'), dump]);
      await server.sql('DROP DATABASE qa WITH (FORCE)'); // nothing is read from the original

      const second = await startTestApp({ DATA_DIR: dataDir }, { url: server.url('qa_restored') });
      try {
        const api = second.as(second.adminToken);
        expect((await api.get('/api/projects')).body.items.map((p: { code: string }) => p.code)).toContain(ids.project);
        const recording = await api.get(`/api/recordings/${ids.recordingId}`);
        expect(recording.body).toMatchObject({ externalId: 'dump-1', direction: 'outbound', transcript: politeTranscript() });
        const played = await api.get(`/api/recordings/${ids.recordingId}/audio`).buffer(true);
        expect(Buffer.compare(played.body as Buffer, audio)).toBe(0);
        expect((await api.get(`/api/evaluations/${ids.evaluationId}`)).body).toMatchObject({ recordingId: ids.recordingId, score: ids.score });
      } finally {
        await second.close();
      }
    } finally {
      server.stop();
    }
  });
});
