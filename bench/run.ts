/**
 * `npm run bench`: every benchmark in turn, each with its baseline measured in the same run; prints
 * their JSON results (copied into BENCHMARKS.md with the date) and exits 1 when a target is missed.
 * One at a time, so none competes with another for the two cores. `npm run bench -- problems submit`
 * runs only the benchmarks named.
 */
// Each benchmark's module is loaded only when it runs: the rule engine's figures moved by a third
// with the whole server (every other benchmark's imports) loaded beside it (BENCHMARKS.md, issue 17).
type Result = { meetsTargets?: boolean; meetsTarget?: boolean };
const benches: Record<string, () => Promise<Result>> = {
  autocheck: async () => (await import('./autocheck.js')).runAutocheckBench(),
  recordings: async () => (await import('./recordings.js')).runRecordingsBench(),
  autocheckLatency: async () => (await import('./autocheck-latency.js')).runAutocheckLatencyBench(),
  autocheckLatencySplit: async () => (await import('./autocheck-latency.js')).runAutocheckLatencyBench({ split: true }),
  autocheckLatencySplit2: async () => (await import('./autocheck-latency.js')).runAutocheckLatencyBench({ split: true, workers: 2 }),
  sampling: async () => (await import('./sampling.js')).runSamplingBench(),
  problems: async () => (await import('./problems.js')).runProblemsBench(),
  submit: async () => (await import('./submit.js')).runSubmitBench(),
  kpi: async () => (await import('./kpi.js')).runKpiBench(),
  dashboard: async () => (await import('./dashboard.js')).runDashboardBench(),
  faq: async () => (await import('./faq.js')).runFaqBench(),
  retention: async () => (await import('./retention.js')).runRetentionBench(),
  load: async () => (await import('./load.js')).runLoadBench(),
  growth: async () => (await import('./growth.js')).runGrowthBench(),
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
