/**
 * Runs only the problems report benchmark (issue 10) and prints its JSON; exits 1 when a target is missed.
 * `--quick`: 50,000 evaluations instead of 1,000,000, a smoke test that says nothing about the target.
 */
import { runProblemsBench } from './problems.js';

const problems = await runProblemsBench({ quick: process.argv.includes('--quick') });
console.log(JSON.stringify({ problems }, null, 2));
if (!problems.meetsTargets) process.exitCode = 1;
