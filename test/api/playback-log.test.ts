import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { twoProjects } from '../support/builders.js';
import { recordingFor } from '../support/evaluations.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// Issue 11 finding 1: every playback is logged once per user, recording and sitting, whatever the Range.
let t: TestApp;
let world: Awaited<ReturnType<typeof twoProjects>>;

beforeAll(async () => {
  t = await startTestApp();
  world = await twoProjects(t);
});
afterAll(() => t?.close());

async function plays(recordingId: string, username: string): Promise<number> {
  const log = await t.as(world.supervisor.token).get(`/api/recordings/access-log?recordingId=${recordingId}&username=${username}`);
  expect(log.status).toBe(200);
  return log.body.items.filter((e: { action: string }) => e.action === 'play').length;
}

describe('playback log', () => {
  it('logs a playback that never asks for byte 0 (Range: bytes=1-)', async () => {
    const id = await recordingFor(t, world.a.agent.employeeNo);
    const res = await t.as(world.a.inspector.token).get(`/api/recordings/${id}/audio`).set('Range', 'bytes=1-');
    expect(res.status).toBe(206);
    expect(await plays(id, world.a.inspector.username)).toBe(1);
  });

  it('logs a sitting once, however many ranges the player asks for', async () => {
    const id = await recordingFor(t, world.a.agent.employeeNo);
    const api = t.as(world.a.lead.token);
    for (const range of ['bytes=0-', 'bytes=500-', 'bytes=2000-', 'bytes=-100'])
      expect((await api.get(`/api/recordings/${id}/audio`).set('Range', range)).status).toBe(206);
    expect((await api.get(`/api/recordings/${id}/audio`)).status).toBe(200);
    expect(await plays(id, world.a.lead.username)).toBe(1);
  });

  it('logs two concurrent range requests once (atomic, in PostgreSQL)', async () => {
    const id = await recordingFor(t, world.a.agent.employeeNo);
    const api = t.as(world.a.inspector.token);
    const answers = await Promise.all(
      ['bytes=10-', 'bytes=20-', 'bytes=30-', 'bytes=40-', 'bytes=50-', 'bytes=60-'].map((r) => api.get(`/api/recordings/${id}/audio`).set('Range', r)),
    );
    expect(answers.map((a) => a.status)).toEqual([206, 206, 206, 206, 206, 206]);
    expect(await plays(id, world.a.inspector.username)).toBe(1);
  });

  it('logs each user and each recording on its own', async () => {
    const one = await recordingFor(t, world.a.agent.employeeNo);
    const two = await recordingFor(t, world.a.agent.employeeNo);
    await t.as(world.a.inspector.token).get(`/api/recordings/${one}/audio`).set('Range', 'bytes=100-');
    await t.as(world.a.inspector.token).get(`/api/recordings/${two}/audio`).set('Range', 'bytes=100-');
    await t.as(world.a.lead.token).get(`/api/recordings/${one}/audio`).set('Range', 'bytes=100-');
    expect(await plays(one, world.a.inspector.username)).toBe(1);
    expect(await plays(two, world.a.inspector.username)).toBe(1);
    expect(await plays(one, world.a.lead.username)).toBe(1);
  });

  it('starts a new sitting after the configured window (PLAYBACK_LOG_MINUTES=0 logs every request)', async () => {
    const own = await startTestApp({ PLAYBACK_LOG_MINUTES: '0' });
    try {
      const admin = own.as(own.adminToken);
      const p = (await admin.post('/api/projects').send({ code: 'PW', name: '窗口' })).body;
      await admin.post('/api/teams').send({ code: 'PW1', name: '一组', project: p.code });
      await admin.post('/api/agents').send({ employeeNo: 'EPW1', name: '李四', team: 'PW1', hiredAt: '2024-01-01', grade: 'C' });
      const id = await recordingFor(own, 'EPW1');
      await admin.get(`/api/recordings/${id}/audio`).set('Range', 'bytes=5-');
      await admin.get(`/api/recordings/${id}/audio`).set('Range', 'bytes=6-');
      const log = await admin.get(`/api/recordings/access-log?recordingId=${id}`);
      expect(log.body.items.filter((e: { action: string }) => e.action === 'play')).toHaveLength(2);
    } finally {
      await own.close();
    }
  });

  it('still logs every download', async () => {
    const id = await recordingFor(t, world.a.agent.employeeNo);
    const api = t.as(world.a.inspector.token);
    await api.get(`/api/recordings/${id}/audio?download=1`);
    await api.get(`/api/recordings/${id}/audio?download=1`);
    const log = await t.as(world.supervisor.token).get(`/api/recordings/access-log?recordingId=${id}`);
    expect(log.body.items.filter((e: { action: string }) => e.action === 'download')).toHaveLength(2);
  });
});
