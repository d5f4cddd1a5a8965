/**
 * Runs only the quarterly grade review benchmark (issue 13) and prints its JSON; exits 1 when the target is missed.
 * `--quick`: 5 evaluations per agent instead of 30, a smoke test.
 */
import { runKpiBench } from './kpi.js';

const kpi = await runKpiBench({ quick: process.argv.includes('--quick') });
console.log(JSON.stringify({ kpi }, null, 2));
if (!kpi.meetsTargets) process.exitCode = 1;
