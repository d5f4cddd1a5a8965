/**
 * Runs only the recordings benchmark (issue 3) and prints its JSON; exits 1 when a target is missed.
 * `--quick` makes a short smoke run (60 calls, 100,000 rows, 50 searches) that says nothing about the targets.
 */
import { runRecordingsBench } from './recordings.js';

const quick = process.argv.includes('--quick');
const recordings = await runRecordingsBench(quick ? { ingestCalls: 60, searchRecordings: 100_000, searchRequests: 50 } : {});
console.log(JSON.stringify({ recordings }, null, 2));
if (!recordings.meetsTargets) process.exitCode = 1;
