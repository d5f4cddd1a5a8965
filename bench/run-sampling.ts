/** Runs the sampling benchmark alone: `node dist/bench/run-sampling.js`. */
import { runSamplingBench } from './sampling.js';

const sampling = await runSamplingBench();
console.log(JSON.stringify({ sampling }, null, 2));
if (!sampling.meetsTarget) process.exitCode = 1;
