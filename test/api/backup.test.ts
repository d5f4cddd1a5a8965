import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres } from '#server/database/embedded-postgres.js';
import { politeTranscript, toneWav } from '../support/audio.js';
import { builders } from '../support/builders.js';
import { allItems } from '../support/evaluations.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Issue 16, backups (README "Backups"): the embedded deployment keeps everything under DATA_DIR (the
 * PostgreSQL cluster in DATA_DIR/pg, local audio in DATA_DIR/audio). Its cold backup is a copy of that
 * folder with the server stopped; restored elsewhere, the app starts on it and answers the same data,
 * audio byte for byte. The embedded-postgres package ships initdb, pg_ctl and postgres only (no pg_dump):
 * a logical dump of the embedded cluster needs a PostgreSQL 18 client (README).
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
