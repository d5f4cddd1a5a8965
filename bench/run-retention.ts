/**
 * Runs only the retention benchmark (issue 16) and prints its JSON; exits 1 when a target is missed.
 * `--quick` makes a short smoke run (200,000 rows, 50 searches) that says nothing about the targets;
 * `--rows N` sets the rows (over 60 days).
 */
import { runRetentionBench } from './retention.js';

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : undefined;
};
const quick = process.argv.includes('--quick');
const retention = await runRetentionBench(quick ? { rows: 200_000, searchRequests: 50 } : { rows: arg('--rows') });
console.log(JSON.stringify({ retention }, null, 2));
if (!retention.meetsTargets) process.exitCode = 1;
