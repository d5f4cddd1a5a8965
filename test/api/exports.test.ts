import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builders, twoProjects } from '../support/builders.js';
import { allItems, recordingFor } from '../support/evaluations.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// Issue 11 "Exports need approval" (seed 三(三)): nothing leaves without approval.
let t: TestApp;
let world: Awaited<ReturnType<typeof twoProjects>>;
let boundSupervisorB: { token: string; username: string };
const DAY = '2026-11-20';

beforeAll(async () => {
  t = await startTestApp();
  world = await twoProjects(t);
  boundSupervisorB = await builders(t).user({ roles: ['supervisor'], projects: [world.b.project.code] });
  const id = await recordingFor(t, world.a.agent.employeeNo, { customerNumber: '13812345678' });
  const items = await allItems(t);
  const res = await t.as(world.a.inspector.token).post('/api/evaluations').send({ recordingId: id, source: 'daily', items });
  expect(res.status).toBe(201);
});
afterAll(() => t?.close());

const ask = (token: string, body: Record<string, unknown> = {}) =>
  t
    .as(token)
    .post('/api/exports')
    .send({ kind: 'evaluations', format: 'csv', from: DAY, to: DAY, purpose: '周会分析', ...body });
const audit = async (action: string) =>
  (await t.as(t.adminToken).get(`/api/audit-log?action=${action}&pageSize=100`)).body.items as { detail: Record<string, unknown> }[];

describe('exports need approval', () => {
  it('refuses an inspector’s or team lead’s direct export with 403 EXPORT_NEEDS_APPROVAL; a supervisor exports directly, audited', async () => {
    for (const token of [world.a.inspector.token, world.a.lead.token]) {
      const res = await t.as(token).get(`/api/evaluations?from=${DAY}&to=${DAY}&format=csv`);
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('EXPORT_NEEDS_APPROVAL');
    }
    const direct = await t.as(world.supervisor.token).get(`/api/evaluations?from=${DAY}&to=${DAY}&format=csv`);
    expect(direct.status).toBe(200);
    expect((await audit('evaluations.export')).length).toBeGreaterThan(0);
  });

  it('request → the supervisor approves → the requester downloads once, every step audited', async () => {
    const asked = await ask(world.a.inspector.token);
    expect(asked.status).toBe(201);
    expect(asked.body).toMatchObject({ status: 'pending', requester: world.a.inspector.username, format: 'csv', from: DAY });
    const id = asked.body.id;

    // Not downloadable before approval.
    const early = await t.as(world.a.inspector.token).get(`/api/exports/${id}/download`);
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ code: 'EXPORT_STATE', params: { status: 'pending' } });

    const pending = await t.as(world.supervisor.token).get('/api/exports?status=pending');
    expect(pending.body.items.map((r: { id: string }) => r.id)).toContain(id);
    const approved = await t.as(world.supervisor.token).post(`/api/exports/${id}/approve`);
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'approved', decidedBy: world.supervisor.username });

    // Only the requester downloads it, and only once.
    expect((await t.as(world.b.inspector.token).get(`/api/exports/${id}/download`)).status).toBe(404);
    const file = await t.as(world.a.inspector.token).get(`/api/exports/${id}/download`);
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toContain('text/csv');
    expect(file.text).toContain(world.a.agent.employeeNo);
    const again = await t.as(world.a.inspector.token).get(`/api/exports/${id}/download`);
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'EXPORT_STATE', params: { status: 'downloaded' } });

    const mine = await t.as(world.a.inspector.token).get('/api/exports');
    expect(mine.body.items.find((r: { id: string }) => r.id === id)).toMatchObject({ status: 'downloaded', downloadedAt: expect.any(String) });
    for (const action of ['export.requested', 'export.approved', 'export.downloaded']) {
      expect((await audit(action)).some((e) => e.detail.request === id)).toBe(true);
    }
  });

  it('two simultaneous downloads of one approved export: one file, one 409', async () => {
    const id = (await ask(world.a.lead.token)).body.id;
    expect((await t.as(world.supervisor.token).post(`/api/exports/${id}/approve`)).status).toBe(200);
    const both = await Promise.all([1, 2].map(() => t.as(world.a.lead.token).get(`/api/exports/${id}/download`)));
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
  });

  it('a refusal needs a reason, is kept and audited, and the file is never downloadable', async () => {
    const id = (await ask(world.a.lead.token)).body.id;
    const noReason = await t.as(world.supervisor.token).post(`/api/exports/${id}/refuse`).send({});
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors.map((e: { field: string }) => e.field)).toContain('reason');
    const refused = await t.as(world.supervisor.token).post(`/api/exports/${id}/refuse`).send({ reason: '范围过大，请缩小到一个班组' });
    expect(refused.status).toBe(200);
    expect(refused.body).toMatchObject({ status: 'refused', reason: '范围过大，请缩小到一个班组' });
    const download = await t.as(world.a.lead.token).get(`/api/exports/${id}/download`);
    expect(download.status).toBe(409);
    expect(download.body.params).toEqual({ status: 'refused' });
    const approveAfter = await t.as(world.supervisor.token).post(`/api/exports/${id}/approve`);
    expect(approveAfter.status).toBe(409);
    expect((await audit('export.refused')).some((e) => e.detail.request === id)).toBe(true);
  });

  it('keeps roles and scope: a supervisor of another project neither sees nor decides, requesters do not approve, no one else lists them', async () => {
    const id = (await ask(world.a.inspector.token)).body.id;
    const seen = await t.as(boundSupervisorB.token).get('/api/exports?status=pending');
    expect(seen.body.items.map((r: { id: string }) => r.id)).not.toContain(id);
    expect((await t.as(boundSupervisorB.token).post(`/api/exports/${id}/approve`)).status).toBe(403);
    expect((await t.as(world.a.inspector.token).post(`/api/exports/${id}/approve`)).status).toBe(403);
    expect((await t.as(world.a.lead.token).post(`/api/exports/${id}/approve`)).status).toBe(403);
    const otherInspector = await t.as(world.b.inspector.token).get('/api/exports');
    expect(otherInspector.body.items.map((r: { id: string }) => r.id)).not.toContain(id);
    // Supervisors export directly: they do not request.
    expect((await ask(world.supervisor.token)).status).toBe(403);
    expect((await t.as(world.supervisor.token).post('/api/exports/00000000-0000-4000-8000-000000000000/approve')).status).toBe(404);
  });

  it('refuses a request outside the requester’s scope or with bad fields, naming the field', async () => {
    const otherTeam = await ask(world.a.lead.token, { team: world.b.team.code });
    expect(otherTeam.status).toBe(403);
    const unknown = await ask(world.a.lead.token, { team: 'NOPE' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0].field).toBe('team');
    const format = await ask(world.a.lead.token, { format: 'pdf' });
    expect(format.status).toBe(400);
    expect(format.body.errors[0].field).toBe('format');
  });
});
