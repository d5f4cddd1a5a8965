import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestApp, type TestApp, withOwnApp } from '../support/test-app.js';
import { waitFor } from '../support/wait-for.js';
import { periodAround } from '#shared/reports/periods.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ DEMO_DATA: '1', DEMO_CALL_DAYS: '1', DEMO_PASSWORD: 'demo1234' });
}, 120_000);
afterAll(() => t?.close());

describe('the demo centre of npm start', () => {
  it('has two projects, four teams, about 30 agents and a user for every role', async () => {
    const admin = t.as(t.adminToken);
    expect((await admin.get('/api/projects')).body.items.map((p: { code: string }) => p.code)).toEqual(['CS', 'TM']);
    expect((await admin.get('/api/teams')).body.total).toBe(4);
    expect((await admin.get('/api/agents?pageSize=100')).body.total).toBeGreaterThanOrEqual(30);
    const roles = new Set((await admin.get('/api/users')).body.items.flatMap((u: { roles: string[] }) => u.roles));
    expect([...roles].sort()).toEqual(['admin', 'faq_maintainer', 'inspector', 'supervisor', 'team_lead', 'trainer']);
    for (const username of ['supervisor', 'inspector1', 'inspector2', 'inspector3', 'lead1', 'faq', 'trainer'])
      expect(await t.login(username, 'demo1234')).toEqual(expect.any(String));
  });

  it('has the operational figures of the previous quarter for every active agent, so the grade review is full', async () => {
    const now = new Date(Date.now() + 8 * 3_600_000);
    const q = Math.floor(now.getUTCMonth() / 3) + 1;
    const previous = q === 1 ? `${now.getUTCFullYear() - 1}-Q4` : `${now.getUTCFullYear()}-Q${q - 1}`;
    const review = (await t.as(await t.login('supervisor', 'demo1234')).get(`/api/kpi/grades?quarter=${previous}&project=CS`)).body;
    expect(review.items.length).toBeGreaterThan(5);
    // This quarter TM weighs its sales target into the KPI score (70 % QA, 30 % sales), and every TM agent has a value.
    const quarter = `${now.getUTCFullYear()}-Q${q}`;
    const tm = (await t.as(t.adminToken).get(`/api/kpi/grades?quarter=${quarter}&project=TM`)).body;
    expect(tm.scheme).toMatchObject({ version: 1, qaWeight: 70, parts: [{ code: 'sales', weight: 30 }] });
    expect(tm.items.length).toBeGreaterThan(5);
    for (const item of tm.items) {
      expect(item.parts.sales).toBeGreaterThanOrEqual(60);
      if (item.qaScore !== null) expect(item.kpiScore).toBeCloseTo(0.7 * item.qaScore + 0.3 * item.parts.sales, 9);
    }
    expect((await t.as(t.adminToken).get(`/api/kpi/grades?quarter=${previous}&project=TM`)).body.scheme).toBeNull();
    // The trainer reads the same review.
    const trainer = await t.as(await t.login('trainer', 'demo1234')).get(`/api/kpi/grades?quarter=${previous}&project=CS`);
    expect(trainer.status).toBe(200);
    expect(trainer.body.items).toHaveLength(review.items.length);
    for (const item of review.items) {
      expect(item.days).toBeGreaterThan(60);
      expect(item.cph).toBeGreaterThanOrEqual(10);
      expect(item.successRate).toBeGreaterThan(0.49);
    }
  });

  it('fills in a day of synthesised calls whose transcripts keep and break the standard, then samples it', async () => {
    const supervisor = t.as(await t.login('supervisor', 'demo1234'));
    // Calls are ingested in the background right after start; the sampling comes last.
    const inspector = t.as(await t.login('inspector1', 'demo1234'));
    const queue = await waitFor(
      async () => {
        const q = (await inspector.get('/api/sampling/queue')).body;
        return q.total > 0 && q;
      },
      { timeoutMs: 90_000, intervalMs: 300, what: 'the demo centre to fill in and sample its day' },
    );
    expect(queue.items.every((i: { team: string }) => i.team.startsWith('CS'))).toBe(true);
    const calls = (await supervisor.get('/api/recordings?pageSize=200')).body;
    expect(calls.total).toBeGreaterThanOrEqual(60);
    expect((await supervisor.get('/api/recordings?customerNumber=13800138000')).body.total).toBeGreaterThanOrEqual(1);
    const first = calls.items[0];
    const peaks = (await supervisor.get(`/api/recordings/${first.id}/peaks`)).body;
    expect(peaks.duration).toBeGreaterThan(20);
    expect(Math.max(...peaks.channels[0].map(Math.abs))).toBeGreaterThan(0.1);
    // Across the day, the automatic checks find both calls that keep the standard and calls that break it.
    const verdicts = new Set<string>();
    for (const call of calls.items.slice(0, 40)) {
      for (const r of (await supervisor.get(`/api/recordings/${call.id}/auto-checks`)).body.results) verdicts.add(`${r.code}:${r.verdict}`);
    }
    expect(verdicts).toContain('FORBIDDEN:pass');
    expect(verdicts).toContain('GREETING:pass');
    expect([...verdicts].some((v) => v.endsWith(':fail'))).toBe(true);
  }, 120_000);

  it('shows a newcomer the loop after the score: open coaching items, a common problem and an open rectification notice', async () => {
    const supervisor = t.as(await t.login('supervisor', 'demo1234'));
    const lead = t.as(await t.login('lead1', 'demo1234'));
    // The follow-up comes after the calls and their sampling, in the background.
    const notices = await waitFor(
      async () => {
        const list = (await supervisor.get('/api/rectification-notices')).body;
        return list.total > 0 && list;
      },
      { timeoutMs: 110_000, intervalMs: 500, what: 'the demo follow-up (evaluations, coaching items, a notice)' },
    );
    // One open notice, issued to lead1's team on the greeting, with its evidence; the lead sees it.
    expect(notices.total).toBe(1);
    const notice = notices.items[0];
    expect(notice).toMatchObject({ team: 'CS-1', status: 'issued', codes: ['GREETING'] });
    expect(notice.evaluations.length).toBeGreaterThan(0);
    expect((await lead.get('/api/rectification-notices')).body.items.map((n: { id: string }) => n.id)).toEqual([notice.id]);
    // The lead has open coaching items from those evaluations, consistent with their failed items.
    const items = (await lead.get('/api/coaching-items?status=open')).body;
    expect(items.total).toBeGreaterThanOrEqual(2);
    expect(items.items.every((i: { team: string }) => i.team === 'CS-1')).toBe(true);
    const evidence = (await supervisor.get(`/api/evaluations/${notice.evaluations[0]}`)).body;
    const item = items.items.find((i: { evaluationId: string }) => i.evaluationId === evidence.id);
    expect(item.codes).toContain('GREETING');
    // The greeting is a common problem (共性) of the team in the week and the month of those calls.
    for (const kind of ['week', 'month'] as const) {
      const period = periodAround(kind, evidence.callDate);
      const report = (await lead.get('/api/reports/problems').query({ project: 'CS', ...period })).body;
      expect(report.teams.map((x: { team: string }) => x.team)).toEqual(['CS-1']);
      expect(report.teams[0].common.map((c: { code: string }) => c.code)).toContain('GREETING');
      expect(report.teams[0].individual.length).toBeGreaterThan(0);
    }
  }, 150_000);
});

describe('demo passwords (issue 11, finding 17)', () => {
  it('gives each demo user a random password, printed once at first start, and never demo1234', async () => {
    const printed: string[] = [];
    const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      printed.push(String(chunk));
      return true;
    });
    try {
      await withOwnApp(
        async (own) => {
          write.mockRestore();
          const text = printed.join('');
          const passwordOf = (username: string) => new RegExp(`^\\s+${username}\\s+(\\S+)$`, 'm').exec(text)?.[1];
          const supervisor = passwordOf('supervisor');
          const lead = passwordOf('lead1');
          expect(supervisor).toMatch(/^[\w-]{12}$/);
          expect(lead).toMatch(/^[\w-]{12}$/);
          expect(supervisor).not.toBe(lead);
          expect((await own.anonymous.post('/api/auth/login').send({ username: 'supervisor', password: 'demo1234' })).status).toBe(401);
          expect(await own.login('supervisor', supervisor!)).toEqual(expect.any(String));
          expect(await own.login('lead1', lead!)).toEqual(expect.any(String));
        },
        { DEMO_DATA: '1', DEMO_CALL_DAYS: '0' },
      );
    } finally {
      write.mockRestore();
    }
  }, 120_000);

  it('ships a published FAQ of billing, broadband and complaints, and a pending proposal from a scored call', async () => {
    const inspector = t.as(await t.login('inspector1', 'demo1234'));
    const all = (await inspector.get('/api/faq?pageSize=100')).body;
    expect(all.total).toBeGreaterThanOrEqual(30);
    for (const tag of ['话费', '宽带', '投诉']) expect(all.items.filter((i: { tags: string[] }) => i.tags.includes(tag)).length, tag).toBeGreaterThanOrEqual(8);
    expect((await inspector.get(`/api/faq?q=${encodeURIComponent('寬帶斷網')}`)).body.items[0]).toMatchObject({ question: '宽带突然上不了网怎么办？' });
    const maintainer = t.as(await t.login('faq', 'demo1234'));
    const inbox = await waitFor(
      async () => {
        const body = (await maintainer.get('/api/faq-proposals')).body;
        return body.groups.length > 0 && body;
      },
      { timeoutMs: 90_000, intervalMs: 300, what: 'the demo follow-up to propose an FAQ entry' },
    );
    expect(inbox.groups[0].proposals[0]).toMatchObject({ status: 'pending', proposedBy: 'inspector1', code: 'B3', question: '5G 套餐可以降档吗？' });
  }, 120_000);

  it('ships example calls of the greeting and one sharing session for the weekly sharing', async () => {
    const lead = t.as(await t.login('lead1', 'demo1234'));
    const sessions = await waitFor(
      async () => {
        const body = (await lead.get('/api/sharing-sessions')).body;
        return body.total > 0 && body;
      },
      { timeoutMs: 90_000, intervalMs: 300, what: 'the demo follow-up to build a sharing session' },
    );
    const [session] = sessions.items;
    expect(session).toMatchObject({ project: 'CS', presenter: 'inspector1' });
    expect(session.examples.length).toBeGreaterThanOrEqual(2);
    expect(new Set(session.examples.map((e: { kind: string }) => e.kind))).toEqual(new Set(['good', 'bad']));
    const examples = (await t.as(await t.login('inspector1', 'demo1234')).get('/api/examples?item=GREETING')).body;
    expect(examples.total).toBeGreaterThanOrEqual(2);
  }, 120_000);

  it('ships one revealed calibration session of the greeting, scored by CS’s two inspectors', async () => {
    const supervisor = t.as(await t.login('supervisor', 'demo1234'));
    const list = await waitFor(
      async () => {
        const body = (await supervisor.get('/api/calibration-sessions?status=revealed')).body;
        return body.total > 0 && body;
      },
      { timeoutMs: 90_000, intervalMs: 300, what: 'the demo follow-up to reveal a calibration session' },
    );
    expect(list.total).toBe(1);
    const session = (await supervisor.get(`/api/calibration-sessions/${list.items[0].id}`)).body;
    expect(session).toMatchObject({ project: 'CS', status: 'revealed', calls: 2, participants: 2, submitted: 4, expected: 4 });
    expect(session.participantList.map((p: { username: string }) => p.username)).toEqual(['inspector1', 'inspector3']);
    const greeting = session.results.items.find((i: { code: string }) => i.code === 'GREETING');
    expect(greeting.disagreement).toBe(true);
    expect(session.results.items[0].code).toBe('GREETING');
    expect(session.results.items.filter((i: { disagreement: boolean }) => i.disagreement)).toHaveLength(1);
    const inspector3 = t.as(await t.login('inspector3', 'demo1234'));
    const mine = (await inspector3.get('/api/calibration-sessions')).body.items.map((i: { id: string }) => i.id);
    expect(mine).toContain(session.id);
  }, 120_000);

  it('creates no demo user without DEMO_DATA=1', async () => {
    const users = (await withOwnApp(async (own) => (await own.as(own.adminToken).get('/api/users')).body.items)) as { username: string }[];
    expect(users.map((u) => u.username)).toEqual(['admin']);
  });
});
