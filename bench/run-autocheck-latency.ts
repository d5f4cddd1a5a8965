/**
 * Runs the ingest-to-auto-checks latency benchmark alone: `node dist/bench/run-autocheck-latency.js`
 * (one process); `… --split` with the api and the worker as separate processes (issue 16).
 */
import { runAutocheckLatencyBench } from './autocheck-latency.js';

const latency = await runAutocheckLatencyBench({ split: process.argv.includes('--split') });
console.log(JSON.stringify({ latency }, null, 2));
if (!latency.meetsTarget) process.exitCode = 1;
