/**
 * Runs the ingest-to-auto-checks latency benchmark alone: `node dist/bench/run-autocheck-latency.js`
 * (one process); `… --split` with the api and the worker as separate processes (issue 16), `--workers=2` with two workers.
 */
import { runAutocheckLatencyBench } from './autocheck-latency.js';

const workers = Number(/^--workers=(\d+)$/.exec(process.argv.find((a) => a.startsWith('--workers=')) ?? '')?.[1] ?? 1);
const latency = await runAutocheckLatencyBench({ split: process.argv.includes('--split'), workers });
console.log(JSON.stringify({ latency }, null, 2));
if (!latency.meetsTarget) process.exitCode = 1;
