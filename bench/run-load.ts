/** Runs the load benchmark alone: `node dist/bench/run-load.js` (LOAD_SECONDS=… for a shorter try). */
import { runLoadBench } from './load.js';

const load = await runLoadBench();
console.log(JSON.stringify({ load }, null, 2));
if (!load.meetsTargets) process.exitCode = 1;
