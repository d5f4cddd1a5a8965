/** Runs the ingest-to-auto-checks latency benchmark alone: `node dist/bench/run-autocheck-latency.js`. */
import { runAutocheckLatencyBench } from './autocheck-latency.js';

const latency = await runAutocheckLatencyBench();
console.log(JSON.stringify({ latency }, null, 2));
if (!latency.meetsTarget) process.exitCode = 1;
