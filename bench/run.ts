/**
 * `npm run bench`: every benchmark in turn, each with its baseline measured in the same run; prints
 * their JSON results (copied into BENCHMARKS.md with the date) and exits 1 when a target is missed.
 * One at a time, so none competes with another for the two cores. `npm run bench -- problems submit`
 * runs only the benchmarks named.
 */
import { runAutocheckBench } from './autocheck.js';
import { runAutocheckLatencyBench } from './autocheck-latency.js';
import { runKpiBench } from './kpi.js';
import { runLoadBench } from './load.js';
import { runDashboardBench } from './dashboard.js';
import { runFaqBench } from './faq.js';
import { runGrowthBench } from './growth.js';
import { runProblemsBench } from './problems.js';
import { runRecordingsBench } from './recordings.js';
import { runRetentionBench } from './retention.js';
import { runSamplingBench } from './sampling.js';
import { runSubmitBench } from './submit.js';

type Result = { meetsTargets?: boolean; meetsTarget?: boolean };
const benches: Record<string, () => Promise<Result>> = {
  autocheck: runAutocheckBench,
  recordings: runRecordingsBench,
  autocheckLatency: () => runAutocheckLatencyBench(),
  autocheckLatencySplit: () => runAutocheckLatencyBench({ split: true }),
  autocheckLatencySplit2: () => runAutocheckLatencyBench({ split: true, workers: 2 }),
  sampling: runSamplingBench,
  problems: runProblemsBench,
  submit: runSubmitBench,
  kpi: runKpiBench,
  dashboard: runDashboardBench,
  faq: runFaqBench,
  retention: runRetentionBench,
  load: runLoadBench,
  growth: () => runGrowthBench(),
};
const named = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const unknown = named.filter((n) => !(n in benches));
if (unknown.length) {
  console.error(`unknown benchmark ${unknown.join(', ')}: choose among ${Object.keys(benches).join(', ')}`);
  process.exit(2);
}
const results: Record<string, Result> = {};
for (const [name, run] of Object.entries(benches)) if (!named.length || named.includes(name)) results[name] = await run();
console.log(JSON.stringify(results, null, 2));
const missed = Object.entries(results).filter(([, r]) => !(r.meetsTargets ?? r.meetsTarget));
if (missed.length) {
  console.error(`targets missed: ${missed.map(([name]) => name).join(', ')}`);
  process.exitCode = 1;
}
