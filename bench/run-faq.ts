/**
 * Runs only the FAQ search benchmark (issue 14) and prints its JSON; exits 1 when the target is missed.
 * `--quick`: 2,000 entries instead of 20,000, a smoke test that says nothing about the target.
 */
import { runFaqBench } from './faq.js';

const faq = await runFaqBench({ quick: process.argv.includes('--quick') });
console.log(JSON.stringify({ faq }, null, 2));
if (!faq.meetsTargets) process.exitCode = 1;
