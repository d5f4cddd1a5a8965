/**
 * FAQ search (issue 14, `GET /api/faq?q=`) over 20,000 published entries, each question, alternative
 * phrasings and a ~150-character answer stored through the rule engine's normaliser, with the trigram
 * GIN indexes of the migration. Measured through HTTP with queries of 2 to 10 characters, Simplified
 * and Traditional, for a user who sees the published versions and for a maintainer who sees the
 * working copies. Target: p95 < 50 ms. The search runs on each process's copy of the FAQ in memory
 * (server/src/faq/faq-search-index.ts). Baselines in the same run: `GET /api/health`; the same searches
 * through a second server on the same database with FAQ_SEARCH_INDEX=0 (the database query, with its
 * trigram GIN indexes, then without them); and a search right after each change, which reloads the copy.
 */
import pg from 'pg';
import { searchAlternatives, searchText, trigramKey } from '#shared/faq/search.js';
import {
  apiClient,
  BENCH_ADMIN_PASSWORD,
  describeMachine,
  distribution,
  expectStatus,
  loadAverage,
  login,
  progress,
  seededRandom,
  startBenchApp,
  startBenchDatabase,
  timeEach,
} from './support.js';

const TARGET_P95_MS = 50;

const TOPICS = [
  '话费',
  '宽带',
  '流量',
  '套餐',
  '发票',
  '充值',
  '停机',
  '漫游',
  '光猫',
  '路由器',
  '电视盒子',
  '携号转网',
  '亲情网',
  '积分',
  '合约',
  '副卡',
  '实名',
  '补卡',
  '销户',
  '彩铃',
  '短信',
  '来电显示',
  '国际长途',
  '固话',
  '5G',
  '家庭网',
  '营业厅',
  '上门',
  '测速',
  '投诉',
];
const ASKS = [
  '怎么查询',
  '怎么办理',
  '怎么取消',
  '为什么扣费',
  '多久生效',
  '收费标准',
  '出现故障怎么办',
  '需要什么材料',
  '可以退吗',
  '在哪里办理',
  '有什么优惠',
  '为什么用不了',
  '怎么改',
  '能不能转让',
  '到期了怎么办',
];
const WHO = ['', '老人', '学生', '企业客户', '外地用户', '新用户', '老用户', '家庭'];
const PHRASES = [
  '请客户提供机主身份证件',
  '在营业厅 App 中操作',
  '拨打 10086 按 1 号键',
  '次月生效',
  '24 小时内回复',
  '登记工单由后台处理',
  '合约期内需支付违约金',
  '发送短信到 10086',
  '核实身份后办理',
  '不得推诿',
  '先致歉再说明',
  '费用按当地标准收取',
  '可在网上营业厅查询进度',
  '重启设备后再试',
  '告知客户处理时限',
];

export async function runFaqBench(options: { quick?: boolean } = {}) {
  const entries = options.quick ? 2_000 : 20_000;
  const repetitions = options.quick ? 30 : 200;
  const db = await startBenchDatabase({ fsyncOff: true });
  try {
    const app = await startBenchApp(db.url, `${db.dir}/data`, { JOB_WORKERS: '0' });
    const databaseApp = await startBenchApp(db.url, `${db.dir}/data`, { JOB_WORKERS: '0', FAQ_SEARCH_INDEX: '0' });
    const sql = new pg.Client({ connectionString: db.url });
    await sql.connect();
    try {
      const loadAtStart = loadAverage();
      const admin = apiClient(app.baseUrl, await login(app.baseUrl, 'admin', BENCH_ADMIN_PASSWORD));
      expectStatus(
        await admin.post('/api/users', { username: 'maintainer', password: 'bench-pass-1', displayName: 'FAQ', roles: ['faq_maintainer'] }),
        201,
        'maintainer',
      );
      const maintainer = apiClient(app.baseUrl, await login(app.baseUrl, 'maintainer', 'bench-pass-1'));
      const databaseAdmin = apiClient(databaseApp.baseUrl, await login(databaseApp.baseUrl, 'admin', BENCH_ADMIN_PASSWORD));
      await seed(sql, entries);
      await sql.query('VACUUM (ANALYZE)');

      const health = distribution(await timeEach(repetitions, async () => expectStatus(await admin.get('/api/health'), 200, 'health')));
      const queries = ['宽带', '话费余额', '携号转网', '攜號轉網', '怎么办理', '光猫出现故障', '寬帶測速收費標準', '不存在的说法啊', '营业厅App', '企业客户5G套餐'];
      const measure = async (api: ReturnType<typeof apiClient>) => {
        const samples = await timeEach(repetitions * queries.length, async (i) => {
          expectStatus(await api.get(`/api/faq?q=${encodeURIComponent(queries[i % queries.length])}`), 200, 'search');
        });
        return distribution(samples);
      };
      const perQuery: Record<string, { total: number; p95: number }> = {};
      for (const q of queries) {
        const res = expectStatus(await admin.get(`/api/faq?q=${encodeURIComponent(q)}`), 200, q);
        perQuery[q] = {
          total: (res as { total: number }).total,
          p95: distribution(await timeEach(Math.ceil(repetitions / 4), async () => void (await admin.get(`/api/faq?q=${encodeURIComponent(q)}`)))).p95,
        };
      }
      progress('measuring published search (any user) and working-copy search (maintainer)');
      const published = await measure(admin);
      const working = await measure(maintainer);
      progress('measuring a search right after each change (the copy reloads)');
      const afterChange = distribution(
        await timeEach(Math.ceil(repetitions / 4), async (i) => {
          await sql.query(`UPDATE faq_search_generation SET generation = generation + 1 WHERE id = 1`);
          expectStatus(await admin.get(`/api/faq?q=${encodeURIComponent(queries[i % queries.length])}`), 200, 'search after a change');
        }),
      );
      progress('measuring the database query (FAQ_SEARCH_INDEX=0), then without its trigram indexes');
      const databaseQuery = await measure(databaseAdmin);
      const indexes = (await sql.query(`SELECT indexname FROM pg_indexes WHERE indexname LIKE 'IDX_faq_%_trgm'`)).rows.map((r) => r.indexname as string);
      for (const name of indexes) await sql.query(`DROP INDEX "${name}"`);
      await sql.query('ANALYZE');
      const withoutIndexes = await measure(databaseAdmin);
      return {
        machine: { ...describeMachine(), loadAtStart, loadAtEnd: loadAverage() },
        entries,
        repetitions,
        queries: perQuery,
        healthMs: health,
        publishedSearchMs: published,
        workingCopySearchMs: working,
        searchAfterChangeMs: afterChange,
        baselineDatabaseQueryMs: databaseQuery,
        baselineDatabaseWithoutTrigramIndexesMs: withoutIndexes,
        trigramIndexes: indexes.length,
        target: { p95Ms: TARGET_P95_MS },
        meetsTargets: published.p95 < TARGET_P95_MS && working.p95 < TARGET_P95_MS,
      };
    } finally {
      await sql.end();
      await databaseApp.close();
      await app.close();
    }
  } finally {
    await db.stop();
  }
}

/** `entries` published entries (version 1 each) owned by the admin, in chunks of 500 rows. */
export async function seed(sql: pg.Client, entries: number): Promise<void> {
  const random = seededRandom(14);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const owner = (await sql.query(`SELECT id FROM users WHERE username = 'admin'`)).rows[0].id as string;
  for (let start = 0; start < entries; start += 500) {
    const values: unknown[] = [];
    const rows: string[] = [];
    for (let i = start; i < Math.min(entries, start + 500); i++) {
      const question = `${pick(WHO)}${pick(TOPICS)}${pick(ASKS)}（第 ${i} 条）`;
      const alternatives = [`${pick(TOPICS)}${pick(ASKS)}`, `${pick(TOPICS)}的${pick(ASKS)}`];
      const answer = Array.from({ length: 8 }, () => pick(PHRASES)).join('，') + '。';
      const p = values.length;
      const [sq, sal, sa] = [searchText(question), searchAlternatives(alternatives), searchText(answer)];
      values.push(question, answer, alternatives, [pick(TOPICS)], owner, sq, sal, sa, trigramKey(sq), trigramKey(sal), trigramKey(sa));
      rows.push(
        `($${p + 1}, $${p + 2}, $${p + 3}::text[], $${p + 4}::varchar[], $${p + 5}, 'admin', 'published', 1, $${p + 6}, $${p + 7}, $${p + 8}, $${p + 9}, $${p + 10}, $${p + 11})`,
      );
    }
    await sql.query(
      `INSERT INTO faq_entries (question, answer, alternatives, tags, "ownerId", "ownerName", status, "publishedVersion", "searchQuestion", "searchAlternatives", "searchAnswer", "keyQuestion", "keyAlternatives", "keyAnswer") VALUES ${rows.join(', ')}`,
      values,
    );
  }
  await sql.query(
    `INSERT INTO faq_versions ("entryId", version, question, answer, tags, alternatives, "searchQuestion", "searchAlternatives", "searchAnswer", "keyQuestion", "keyAlternatives", "keyAnswer", "publishedById", "publishedBy")
     SELECT id, 1, question, answer, tags, alternatives, "searchQuestion", "searchAlternatives", "searchAnswer", "keyQuestion", "keyAlternatives", "keyAnswer", "ownerId", "ownerName" FROM faq_entries`,
  );
  progress(`${entries} FAQ entries published`);
}
