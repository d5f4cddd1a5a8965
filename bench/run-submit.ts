/**
 * Runs only the submit benchmark (issue 10) and prints its JSON; exits 1 when the target is missed.
 * `--quick`: 40 timed submissions instead of 300, a smoke test that says nothing about the target.
 */
import { runSubmitBench } from './submit.js';

const submit = await runSubmitBench({ quick: process.argv.includes('--quick') });
console.log(JSON.stringify({ submit }, null, 2));
if (!submit.meetsTargets) process.exitCode = 1;
