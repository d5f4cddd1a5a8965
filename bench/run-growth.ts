/**
 * Runs only the growth benchmark (issue 16: search, ingest and the rule engine at 10× the data) and
 * prints its JSON. `--quick` makes a short smoke run (100,000 then 1,000,000 rows, 50 searches, 40 calls,
 * one round of the rule engine on fewer transcripts); `--no-rules` / `--no-search` skip a part.
 */
import { runGrowthBench } from './growth.js';

const quick = process.argv.includes('--quick');
const growth = await runGrowthBench({
  ...(quick ? { sizes: [100_000, 1_000_000], searchRequests: 50, ingestCalls: 40, ruleRounds: 1, ruleTranscripts: 2000 } : {}),
  rules: !process.argv.includes('--no-rules'),
  search: !process.argv.includes('--no-search'),
});
console.log(JSON.stringify({ growth }, null, 2));
