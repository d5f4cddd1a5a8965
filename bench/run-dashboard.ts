/**
 * Runs only the dashboard benchmark (issue 12) and prints its JSON; exits 1 when a target is missed.
 * `--quick`: 50,000 evaluations instead of 1,000,000, a smoke test that says nothing about the targets.
 */
import { runDashboardBench } from './dashboard.js';

const dashboard = await runDashboardBench({ quick: process.argv.includes('--quick') });
console.log(JSON.stringify({ dashboard }, null, 2));
if (!dashboard.meetsTargets) process.exitCode = 1;
