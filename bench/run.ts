/**
 * `npm run bench`: every benchmark in turn, each with its baseline measured in the same run; prints
 * their JSON results (copied into BENCHMARKS.md with the date) and exits 1 when a target is missed.
 * One at a time, so none competes with another for the two cores.
 */
import { runAutocheckBench } from './autocheck.js';
import { runAutocheckLatencyBench } from './autocheck-latency.js';
import { runRecordingsBench } from './recordings.js';
import { runSamplingBench } from './sampling.js';

const results: Record<string, { meetsTargets?: boolean; meetsTarget?: boolean }> = {};
results.autocheck = await runAutocheckBench();
results.recordings = await runRecordingsBench();
results.autocheckLatency = await runAutocheckLatencyBench();
results.sampling = await runSamplingBench();
console.log(JSON.stringify(results, null, 2));
const missed = Object.entries(results).filter(([, r]) => !(r.meetsTargets ?? r.meetsTarget));
if (missed.length) {
  console.error(`targets missed: ${missed.map(([name]) => name).join(', ')}`);
  process.exitCode = 1;
}
