/** Runs the benchmarks and prints their JSON results; exits 1 when a target is missed. */
import { runAutocheckBench } from './autocheck.js';

const autocheck = await runAutocheckBench();
console.log(JSON.stringify({ autocheck }, null, 2));
if (!autocheck.meetsTargets) process.exitCode = 1;
