/**
 * `npm run import -- <folder> [--concurrency N]`: posts a day's calls, listed in <folder>/manifest.csv,
 * to a running server's POST /api/recordings. Run it again after a break: what is already in is skipped.
 * Exit code 0 all in, 1 some rows refused (see <folder>/import-report.csv), 2 usage error, 3 crashed.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { summaryText } from './import/import-report.js';
import { readManifestFile, runImport } from './import/import-runner.js';
import { ManifestError } from './import/manifest.js';
import { progressPrinter } from './import/progress.js';
import { signIn, SignInError } from './import/recordings-client.js';

const USAGE = `usage: npm run import -- <folder> [--concurrency N]
  <folder>/manifest.csv  externalId,agent,startedAt,direction,customerNumber,audio,transcript[,businessType,channels]
  QA_URL                 the server (default http://localhost:3000)
  QA_USER, QA_PASSWORD   an admin or supervisor to sign in as`;

function usageError(message: string): never {
  process.stderr.write(`${message}\n\n${USAGE}\n`);
  process.exit(2);
}

async function main(): Promise<number> {
  let args: { values: { concurrency?: string; help?: boolean }; positionals: string[] };
  try {
    args = parseArgs({ options: { concurrency: { type: 'string', default: '4' }, help: { type: 'boolean', short: 'h' } }, allowPositionals: true });
  } catch (e) {
    usageError((e as Error).message);
  }
  if (args.values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (args.positionals.length !== 1) usageError(args.positionals.length ? 'one folder at a time' : 'which folder?');
  const folder = path.resolve(args.positionals[0]);
  const concurrency = Number(args.values.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64) usageError('--concurrency must be a whole number from 1 to 64');
  if (!(await stat(folder).catch(() => null))?.isDirectory()) usageError(`no folder ${folder}`);
  const { QA_USER: user, QA_PASSWORD: password } = process.env;
  if (!user || !password) usageError('set QA_USER and QA_PASSWORD to the user to import as');
  const baseUrl = process.env.QA_URL || 'http://localhost:3000';

  // Every usage error shows before the first call is sent: a bad header or password stops the run whole.
  try {
    await readManifestFile(folder);
  } catch (e) {
    if (e instanceof ManifestError) usageError(e.message);
    throw e;
  }
  let token: string;
  try {
    token = await signIn(baseUrl, user, password);
  } catch (e) {
    if (e instanceof SignInError) usageError(e.message);
    throw e;
  }

  const bar = progressPrinter(process.stderr);
  const summary = await runImport({ folder, baseUrl, token, concurrency, onProgress: bar.update });
  bar.finish();
  process.stdout.write(summaryText(summary));
  return summary.refused ? 1 : 0;
}

try {
  process.exitCode = await main();
} catch (e) {
  // Not 1: that says "some rows refused", and a crash says nothing about the rows.
  process.stderr.write(`import stopped: ${(e as Error).stack ?? e}\n`);
  process.exitCode = 3;
}
