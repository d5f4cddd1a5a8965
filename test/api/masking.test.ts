import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toneWav } from '../support/audio.js';
import { twoProjects } from '../support/builders.js';
import { allItems } from '../support/evaluations.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// Issue 11 findings 5 and 6: at most the last 4 digits of a number show to a masked role, in every field.
let t: TestApp;
let world: Awaited<ReturnType<typeof twoProjects>>;
let seq = 0;

beforeAll(async () => {
  t = await startTestApp();
  world = await twoProjects(t);
});
afterAll(() => t?.close());

async function ingest(over: Record<string, unknown>, transcriptText = '我的号码是13812345678，您记一下') {
  const res = await t
    .as(t.adminToken)
    .post('/api/recordings')
    .attach('audio', toneWav(2), 'call.wav')
    .field(
      'metadata',
      JSON.stringify({
        externalId: `M_${++seq}_${Date.now()}`,
        agent: world.a.agent.employeeNo,
        startedAt: '2026-11-20T09:30:00+08:00',
        direction: 'inbound',
        customerNumber: '13812345678',
        ...over,
      }),
    )
    .field(
      'transcript',
      JSON.stringify({
        segments: [
          { speaker: 'agent', start: 0, end: 1, text: '您好，请问有什么可以帮您' },
          { speaker: 'customer', start: 1, end: 2, text: transcriptText },
        ],
      }),
    );
  expect(res.status).toBe(201);
  return res.body.id as string;
}

const digitsShown = (s: string) => s.replace(/\D/g, '').length;

describe('customer numbers are masked to at most their last 4 digits', () => {
  it.each([
    ['a 7-digit number', '1234567', '***4567'],
    ['an 8-digit landline', '62345678', '****5678'],
    ['an 11-digit mobile', '13812345678', '*******5678'],
  ])('%s shows %s to an inspector and in full to a supervisor', async (_title, number, masked) => {
    const id = await ingest({ customerNumber: number });
    const inspector = await t.as(world.a.inspector.token).get(`/api/recordings/${id}`);
    expect(inspector.body.customerNumber).toBe(masked);
    const lead = await t.as(world.a.lead.token).get(`/api/recordings?from=2026-11-20&to=2026-11-20`);
    expect(lead.body.items.find((r: { id: string }) => r.id === id).customerNumber).toBe(masked);
    const supervisor = await t.as(world.supervisor.token).get(`/api/recordings/${id}`);
    expect(supervisor.body.customerNumber).toBe(number);
  });
});

describe('numbers inside other fields are masked for masked roles', () => {
  it('masks digit runs in the transcript, externalId and auto-check evidence for an inspector, not for a supervisor', async () => {
    const n = ++seq;
    const externalId = `CRM_13912345678_${n}`;
    const id = await ingest({ externalId }, '我的号码是13812345678，再见');
    const inspector = (await t.as(world.a.inspector.token).get(`/api/recordings/${id}`)).body;
    expect(inspector.transcript.segments[1].text).toBe('我的号码是*******5678，再见');
    expect(inspector.externalId).toBe(`CRM_*******5678_${n}`);
    expect(JSON.stringify(inspector)).not.toContain('13812345678');
    expect(JSON.stringify(inspector)).not.toContain('13912345678');
    const list = (await t.as(world.a.lead.token).get(`/api/recordings?from=2026-11-20&to=2026-11-20&pageSize=100`)).body;
    // Ids are random UUIDs, which can hold seven digits in a row by chance: look at what is shown, not at ids.
    const shown = list.items.map(({ id: _id, ...fields }: { id: string }) => fields);
    expect(shown.length).toBeGreaterThan(0);
    expect(JSON.stringify(shown)).not.toMatch(/\d{7}/);
    const checks = (await t.as(world.a.inspector.token).get(`/api/recordings/${id}/auto-checks`)).body;
    expect(JSON.stringify(checks)).not.toMatch(/\d{5}5678/);

    const supervisor = (await t.as(world.supervisor.token).get(`/api/recordings/${id}`)).body;
    expect(supervisor.transcript.segments[1].text).toBe('我的号码是13812345678，再见');
    expect(supervisor.externalId).toBe(externalId);
  });

  it('masks numbers written in submitted evaluation comments, in the list and the detail', async () => {
    const id = await ingest({});
    const items = (await allItems(t)).map((i: { code: string }, n: number) => (n === 0 ? { ...i, comment: '客户留了电话 13812345678' } : i));
    const submitted = await t.as(world.a.inspector.token).post('/api/evaluations').send({ recordingId: id, source: 'daily', items });
    expect(submitted.status).toBe(201);
    const lead = await t.as(world.a.lead.token).get(`/api/evaluations/${submitted.body.id}`);
    expect(lead.status).toBe(200);
    expect(lead.body.items[0].comment).toBe('客户留了电话 *******5678');
    const list = await t.as(world.a.lead.token).get('/api/evaluations?from=2026-11-20&to=2026-11-20');
    expect(JSON.stringify(list.body)).not.toContain('13812345678');
    const supervisor = await t.as(world.supervisor.token).get(`/api/evaluations/${submitted.body.id}`);
    expect(supervisor.body.items[0].comment).toBe('客户留了电话 13812345678');
  });

  it('never shows more than 4 digits of any number to an inspector', async () => {
    const id = await ingest({ customerNumber: '01062345678' }, '座机 010-6234-5678 或 138 1234 5678');
    const body = (await t.as(world.a.inspector.token).get(`/api/recordings/${id}`)).body;
    expect(digitsShown(body.customerNumber)).toBeLessThanOrEqual(4);
    expect(body.transcript.segments[1].text).toBe('座机 ***-****-5678 或 *** **** 5678');
  });
});
