import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDateOf } from '#shared/dates.js';
import { nextQuarter, quarterDates, quarterOf } from '#shared/kpi/grades.js';
import { builders } from '../support/builders.js';
import { allItems, recordingFor } from '../support/evaluations.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let b: ReturnType<typeof builders>;

/** A scheme is published from the current quarter at the earliest, so these tests score calls of this quarter. */
const today = localDateOf(new Date(), 'Asia/Shanghai');
const Q = quarterOf(today);
const FROM = quarterDates(Q)!.from;
const NEXT = nextQuarter(Q);
const PAST = quarterOf(new Date(Date.parse(`${FROM}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10));

/** Verdicts on the default checklist scoring exactly 100 or 90 (see kpi.test.ts). */
const SCORES = { '100': { CONFIRM: 'na' }, '90': { CONFIRM: 'na', GREETING: 'fail', COURTESY: 'fail' } } as const;

async function evaluated(agent: string, score: keyof typeof SCORES) {
  const recordingId = await recordingFor(t, agent, { startedAt: `${FROM}T00:05:00+08:00` });
  const res = await t
    .as(t.adminToken)
    .post('/api/evaluations')
    .send({ recordingId, source: 'daily', items: await allItems(t, SCORES[score]) });
  if (res.status !== 201) throw new Error(JSON.stringify(res.body));
  expect(res.body.score).toBe(Number(score));
}

/** Figures good enough for A (CPH 20, success rate 70 %) on the quarter's first day. */
async function goodFigures(agent: string) {
  const res = await t
    .as(t.adminToken)
    .put('/api/kpi/operational')
    .send({ rows: [{ agent, date: FROM, calls: 160, hours: 8, successes: 112 }] });
  if (res.status !== 200) throw new Error(JSON.stringify(res.body));
}

type Scheme = { fromQuarter: string; qaWeight: number; parts: { code: string; name: string; weight: number }[]; note?: string };
const WEIGHTS: Scheme = {
  fromQuarter: Q,
  qaWeight: 60,
  parts: [
    { code: 'attendance', name: '出勤', weight: 20 },
    { code: 'sales', name: '销售目标', weight: 20 },
  ],
};
const scheme = (over: Partial<Scheme> = {}): Scheme => ({ ...WEIGHTS, ...over });

const createDraft = (token: string, project: string, body: Scheme = scheme()) =>
  t
    .as(token)
    .post('/api/kpi/schemes')
    .send({ project, ...body });
const putParts = (rows: unknown[], token = t.adminToken) => t.as(token).put('/api/kpi/parts').send({ rows });

async function reviewItem(project: string, agent: string, quarter = Q, token = t.adminToken) {
  const res = await t.as(token).get(`/api/kpi/grades?quarter=${quarter}&project=${project}`);
  expect(res.status).toBe(200);
  return { review: res.body, item: (res.body.items as Record<string, unknown>[]).find((i) => i.agent === agent)! };
}

let project: { code: string };
let team: { code: string };
let otherProject: { code: string };
let otherAgent: string;
let users: Record<'supervisor' | 'lead' | 'inspector' | 'outsider', { token: string; username: string }>;

beforeAll(async () => {
  t = await startTestApp();
  b = builders(t);
  project = await b.project();
  team = await b.team(project.code);
  otherProject = await b.project();
  otherAgent = (await b.agent((await b.team(otherProject.code)).code)).employeeNo;
  const [supervisor, lead, inspector, outsider] = await Promise.all([
    b.user({ roles: ['supervisor'], projects: [project.code] }),
    b.user({ roles: ['team_lead'], teams: [team.code] }),
    b.user({ roles: ['inspector'], projects: [project.code] }),
    b.user({ roles: ['supervisor'], projects: [otherProject.code] }),
  ]);
  users = { supervisor, lead, inspector, outsider };
});
afterAll(() => t?.close());

describe('the KPI score without a scheme', () => {
  it('is the QA score, with no scheme and no parts (CONTRACT.md: none by default)', async () => {
    const own = await b.project();
    const agent = (await b.agent((await b.team(own.code)).code)).employeeNo;
    await evaluated(agent, '90');
    await goodFigures(agent);
    const { review, item } = await reviewItem(own.code, agent);
    expect(review.scheme).toBeNull();
    expect(item).toMatchObject({ qaScore: 90, kpiScore: 90, eligible: 'B', parts: {} });
    expect((await t.as(t.adminToken).get(`/api/kpi/schemes?project=${own.code}`)).body).toEqual({ project: own.code, items: [] });
  });
});

describe('a project’s KPI scheme, draft → published', () => {
  let id: string;
  let agent: string;

  it('starts as a draft of version 1 by a supervisor of the project, one draft at a time', async () => {
    const res = await createDraft(users.supervisor.token, project.code, scheme({ qaWeight: 50, parts: [{ code: 'attendance', name: '出勤', weight: 50 }] }));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      project: project.code,
      version: 1,
      status: 'draft',
      fromQuarter: Q,
      qaWeight: 50,
      createdBy: users.supervisor.username,
      publishedAt: null,
    });
    id = res.body.id;
    const again = await createDraft(users.supervisor.token, project.code);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('DRAFT_EXISTS');
  });

  it('is changed while a draft, and leaves the review alone until published', async () => {
    const res = await t
      .as(users.supervisor.token)
      .put(`/api/kpi/schemes/${id}`)
      .send(scheme({ note: '出勤与销售' }));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ version: 1, status: 'draft', qaWeight: 60, parts: WEIGHTS.parts, note: '出勤与销售' });
    agent = (await b.agent(team.code)).employeeNo;
    await evaluated(agent, '90');
    await goodFigures(agent);
    const { review, item } = await reviewItem(project.code, agent);
    expect(review.scheme).toBeNull();
    expect(item.kpiScore).toBe(90);
  });

  it('once published weighs the imported parts into the KPI score, and the grade follows it at the threshold', async () => {
    const res = await t.as(users.supervisor.token).post(`/api/kpi/schemes/${id}/publish`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'published', publishedBy: users.supervisor.username });
    // Published but no values yet: a missing figure gives no KPI score and no grade.
    const first = await reviewItem(project.code, agent);
    let item = first.item;
    expect(first.review.scheme).toMatchObject({ version: 1, qaWeight: 60 });
    expect(item).toMatchObject({ qaScore: 90, kpiScore: null, eligible: null, move: null, parts: { attendance: null, sales: null } });

    // 0.6 × 90 + 0.2 × 100 + 0.2 × 75 = 89: just below B's 90.
    const put = await putParts([
      { agent, quarter: Q, part: 'attendance', value: 100 },
      { agent, quarter: Q, part: 'sales', value: 75 },
    ]);
    expect(put.status).toBe(200);
    expect(put.body).toEqual({ upserted: 2 });
    ({ item } = await reviewItem(project.code, agent));
    expect(item).toMatchObject({ qaScore: 90, parts: { attendance: 100, sales: 75 }, eligible: 'C' });
    expect(item.kpiScore).toBeCloseTo(89, 9);

    // Imported again, the value is replaced: 0.6 × 90 + 20 + 0.2 × 80 = 90 holds B.
    expect((await putParts([{ agent, quarter: Q, part: 'sales', value: 80 }])).body).toEqual({ upserted: 1 });
    ({ item } = await reviewItem(project.code, agent));
    expect(item).toMatchObject({ parts: { attendance: 100, sales: 80 }, eligible: 'B' });
    expect(item.kpiScore).toBeCloseTo(90, 9);
    // The team lead reads the same.
    expect((await reviewItem(project.code, agent, Q, users.lead.token)).item.eligible).toBe('B');
    // The export carries the parts, one column each.
    const xlsx = await t
      .as(users.supervisor.token)
      .get(`/api/kpi/grades?quarter=${Q}&project=${project.code}&format=xlsx`)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(xlsx.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.body as unknown as ExcelJS.Buffer);
    const sheet = book.worksheets[0];
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(-2)).toEqual(['出勤 attendance', '销售目标 sales']);
    const row = sheet.getRows(2, sheet.rowCount - 1)!.find((r) => r.getCell(1).value === agent)!;
    expect([row.getCell(header.length - 1).value, row.getCell(header.length).value]).toEqual([100, 80]);
  });

  it('is kept as published: no change, no deletion (409 VERSION_PUBLISHED)', async () => {
    const put = await t.as(users.supervisor.token).put(`/api/kpi/schemes/${id}`).send(scheme());
    expect(put.status).toBe(409);
    expect(put.body.code).toBe('VERSION_PUBLISHED');
    expect((await t.as(users.supervisor.token).delete(`/api/kpi/schemes/${id}`)).status).toBe(409);
    expect((await t.as(users.supervisor.token).post(`/api/kpi/schemes/${id}/publish`)).status).toBe(409);
  });

  it('takes a new version from a later quarter, the earlier one still in force before it and kept in the history', async () => {
    const draft = await createDraft(users.supervisor.token, project.code, scheme({ fromQuarter: NEXT, qaWeight: 100, parts: [] }));
    expect(draft.status).toBe(201);
    expect(draft.body.version).toBe(2);
    expect((await t.as(users.supervisor.token).post(`/api/kpi/schemes/${draft.body.id}/publish`)).status).toBe(200);
    expect((await reviewItem(project.code, agent)).review.scheme.version).toBe(1);
    expect((await reviewItem(project.code, agent, NEXT)).review.scheme).toMatchObject({ version: 2, fromQuarter: NEXT });
    expect((await reviewItem(project.code, agent, PAST)).review.scheme).toBeNull();
    const list = await t.as(users.lead.token).get(`/api/kpi/schemes?project=${project.code}`);
    expect(list.status).toBe(200);
    expect(list.body.items.map((s: { version: number; status: string }) => [s.version, s.status])).toEqual([
      [2, 'published'],
      [1, 'published'],
    ]);
  });

  it('is not published for a quarter that is over (400 naming fromQuarter); a draft is deleted', async () => {
    const own = await b.project();
    const draft = await createDraft(t.adminToken, own.code, scheme({ fromQuarter: PAST }));
    expect(draft.status).toBe(201);
    const res = await t.as(t.adminToken).post(`/api/kpi/schemes/${draft.body.id}/publish`);
    expect(res.status).toBe(400);
    expect(res.body.message).toContain('fromQuarter');
    expect(res.body.errors[0]).toMatchObject({ field: 'fromQuarter', code: 'notAllowed' });
    expect((await t.as(t.adminToken).delete(`/api/kpi/schemes/${draft.body.id}`)).status).toBe(204);
    expect((await t.as(t.adminToken).get(`/api/kpi/schemes/${draft.body.id}`)).status).toBe(404);
  });
});

describe('who reads and edits the scheme', () => {
  it('lets team leads, trainers and supervisors of the project read it; only its supervisors edit; inspectors and other projects are refused', async () => {
    const own = await b.project();
    const ownTeam = await b.team(own.code);
    const [supervisor, lead, inspector, trainer, otherTrainer] = await Promise.all([
      b.user({ roles: ['supervisor'], projects: [own.code] }),
      b.user({ roles: ['team_lead'], teams: [ownTeam.code] }),
      b.user({ roles: ['inspector'], projects: [own.code] }),
      b.user({ roles: ['trainer'], projects: [own.code] }),
      b.user({ roles: ['trainer'], projects: [otherProject.code] }),
    ]);
    const agent = (await b.agent(ownTeam.code)).employeeNo;
    const draft = await createDraft(supervisor.token, own.code);
    expect(draft.status).toBe(201);
    const cases: [string, { status: number }, number][] = [
      ['the team lead reads the list', await t.as(lead.token).get(`/api/kpi/schemes?project=${own.code}`), 200],
      ['the team lead reads a version', await t.as(lead.token).get(`/api/kpi/schemes/${draft.body.id}`), 200],
      ['the team lead may not draft', await createDraft(lead.token, own.code), 403],
      ['the team lead may not publish', await t.as(lead.token).post(`/api/kpi/schemes/${draft.body.id}/publish`), 403],
      ['the team lead may not import part values', await putParts([], lead.token), 403],
      ['an inspector may not read', await t.as(inspector.token).get(`/api/kpi/schemes?project=${own.code}`), 403],
      ['another project’s supervisor may not read the list', await t.as(users.outsider.token).get(`/api/kpi/schemes?project=${own.code}`), 403],
      ['another project’s supervisor may not read a version', await t.as(users.outsider.token).get(`/api/kpi/schemes/${draft.body.id}`), 403],
      ['another project’s supervisor may not draft', await createDraft(users.outsider.token, own.code), 403],
      ['another project’s supervisor may not change the draft', await t.as(users.outsider.token).put(`/api/kpi/schemes/${draft.body.id}`).send(scheme()), 403],
      ['the project’s trainer reads the list', await t.as(trainer.token).get(`/api/kpi/schemes?project=${own.code}`), 200],
      ['the project’s trainer reads the review', await t.as(trainer.token).get(`/api/kpi/grades?quarter=${Q}&project=${own.code}`), 200],
      ['the project’s trainer reads the promotions', await t.as(trainer.token).get('/api/kpi/promotions'), 200],
      ['the trainer may not draft', await createDraft(trainer.token, own.code), 403],
      ['the trainer may not publish', await t.as(trainer.token).post(`/api/kpi/schemes/${draft.body.id}/publish`), 403],
      ['the trainer may not import part values', await putParts([], trainer.token), 403],
      ['the trainer may not push figures', await t.as(trainer.token).put('/api/kpi/operational').send({ rows: [] }), 403],
      [
        'the trainer may not apply for a promotion',
        await t
          .as(trainer.token)
          .post('/api/kpi/promotions')
          .send({ agent, toGrade: 'A', quarter: Q, approvers: { supervisor: 'a', deputyManager: 'b', manager: 'c', director: 'd' } }),
        403,
      ],
      ['the trainer may not add calls to sampling', await t.as(trainer.token).post('/api/kpi/grading-requests').send({ agent }), 403],
      ['the trainer may not export the review directly', await t.as(trainer.token).get(`/api/kpi/grades?quarter=${Q}&project=${own.code}&format=xlsx`), 403],
      ['another project’s trainer may not read the review', await t.as(otherTrainer.token).get(`/api/kpi/grades?quarter=${Q}&project=${own.code}`), 403],
      ['another project’s trainer may not read a version', await t.as(otherTrainer.token).get(`/api/kpi/schemes/${draft.body.id}`), 403],
      ['nobody reads an unknown id', await t.as(supervisor.token).get('/api/kpi/schemes/00000000-0000-4000-8000-000000000000'), 404],
    ];
    expect(cases.map(([title, res]) => [title, res.status])).toEqual(cases.map(([title, , status]) => [title, status]));
  });
});

describe('a scheme with bad weights: 400 naming the field, nothing stored', () => {
  const cases: [string, Partial<Scheme> & Record<string, unknown>, string][] = [
    ['weights adding up to less than 100', { qaWeight: 50 }, 'parts'],
    ['weights adding up to more than 100', { qaWeight: 70 }, 'parts'],
    [
      'a part code given twice',
      {
        parts: [
          { code: 'sales', name: 'a', weight: 20 },
          { code: 'Sales', name: 'b', weight: 20 },
        ],
      },
      'parts[1].code',
    ],
    [
      'a part named qa',
      {
        parts: [
          { code: 'qa', name: 'a', weight: 20 },
          { code: 'sales', name: 'b', weight: 20 },
        ],
      },
      'parts[0].code',
    ],
    ['a part code with a space', { parts: [{ code: 'sales target', name: 'a', weight: 40 }] }, 'parts.0.code'],
    ['a negative weight', { qaWeight: 120, parts: [{ code: 'sales', name: 'a', weight: -20 }] }, 'qaWeight'],
    ['a weight that is text', { parts: [{ code: 'sales', name: 'a', weight: '40' as unknown as number }] }, 'parts.0.weight'],
    ['a quarter that is not one', { fromQuarter: '2026-Q5' }, 'fromQuarter'],
  ];
  it.each(cases)('%s', async (_title, over, field) => {
    const own = await b.project();
    const res = await createDraft(t.adminToken, own.code, { ...scheme(), ...over } as Scheme);
    expect(res.status).toBe(400);
    expect(res.body.message).toContain(field);
    expect((await t.as(t.adminToken).get(`/api/kpi/schemes?project=${own.code}`)).body.items).toEqual([]);
  });
});

describe('PUT /api/kpi/parts: bad rows are named by index and nothing is stored', () => {
  let agent: string;
  let own: { code: string };
  beforeAll(async () => {
    own = await b.project();
    const ownTeam = await b.team(own.code);
    agent = (await b.agent(ownTeam.code)).employeeNo;
    const draft = await createDraft(t.adminToken, own.code);
    expect((await t.as(t.adminToken).post(`/api/kpi/schemes/${draft.body.id}/publish`)).status).toBe(200);
  });
  const good = () => ({ agent, quarter: Q, part: 'attendance', value: 95 });
  const cases: [string, () => Record<string, unknown>, string, string?][] = [
    ['an unknown agent', () => ({ ...good(), agent: 'NO-SUCH-AGENT' }), 'rows[1].agent', 'unknown'],
    ['an agent of a project without a scheme', () => ({ ...good(), agent: otherAgent }), 'rows[1].part', 'unknown'],
    ['a part not in the scheme', () => ({ ...good(), part: 'overtime' }), 'rows[1].part', 'unknown'],
    ['a quarter before the scheme', () => ({ ...good(), quarter: PAST }), 'rows[1].part', 'unknown'],
    ['a bad quarter', () => ({ ...good(), quarter: '2026-Q0' }), 'rows[1].quarter', 'badCell'],
    ['a value above 100', () => ({ ...good(), value: 101 }), 'rows[1].value', 'badCell'],
    ['a negative value', () => ({ ...good(), value: -1 }), 'rows[1].value', 'badCell'],
    ['a value that is text', () => ({ ...good(), value: '95' }), 'rows[1].value', 'badCell'],
    ['a missing agent', () => ({ ...good(), agent: undefined }), 'rows[1].agent', 'required'],
    ['a field that is not one', () => ({ ...good(), weight: 3 }), 'rows[1].weight', 'whitelistValidation'],
    ['the same agent, quarter and part twice', () => ({ ...good(), part: 'sales' }), 'rows[1]', 'twice'],
    ['a row that is not an object', () => 7 as unknown as Record<string, unknown>, 'rows[1]', 'notObject'],
  ];
  it.each(cases)('%s', async (_title, bad, field, code) => {
    const rows = [{ ...good(), part: 'sales', value: 10 }, bad(), { ...good(), value: 11 }];
    const res = await putParts(rows);
    expect(res.status).toBe(400);
    expect(res.body.message).toContain(field);
    expect(res.body.errors[0]).toMatchObject({ field: expect.stringContaining(field), ...(code ? { code } : {}) });
    expect((await reviewItem(own.code, agent)).item.parts).toEqual({ attendance: null, sales: null });
  });

  it('stores the rows when all are good', async () => {
    expect((await putParts([good(), { ...good(), part: 'sales', value: 60 }])).body).toEqual({ upserted: 2 });
    expect((await reviewItem(own.code, agent)).item.parts).toEqual({ attendance: 95, sales: 60 });
  });
});
