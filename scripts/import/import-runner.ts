import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { loadCall } from './call-files.js';
import { reportCsv, type RefusedCall } from './import-report.js';
import { ManifestError, readManifest, type ManifestRow } from './manifest.js';
import type { ImportProgress } from './progress.js';
import { DEFAULT_RETRY, sendRecording, type RetryPolicy, type SendOutcome } from './recordings-client.js';

export const MANIFEST_FILE = 'manifest.csv';
export const REPORT_FILE = 'import-report.csv';

export interface ImportOptions {
  /** The day's folder: manifest.csv and the files it names. */
  folder: string;
  /** The server, e.g. http://localhost:3000 (the API under /api). */
  baseUrl: string;
  /** A bearer token of a user allowed to post recordings (admin or supervisor). */
  token: string;
  /** Calls in flight at once. */
  concurrency?: number;
  onProgress?: (progress: ImportProgress) => void;
  retry?: RetryPolicy;
}

export interface ImportSummary extends ImportProgress {
  /** Sorted by manifest line. */
  refusedCalls: RefusedCall[];
  reportFile: string;
}

/** The folder's manifest, read and checked; throws ManifestError when there is none or it is unusable. */
export async function readManifestFile(folder: string): Promise<ManifestRow[]> {
  const file = path.join(folder, MANIFEST_FILE);
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new ManifestError(code === 'ENOENT' || code === 'ENOTDIR' ? `no ${MANIFEST_FILE} in ${folder}` : `cannot read ${file} (${code})`);
  }
  return readManifest(bytes);
}

/**
 * Sends every call of the manifest to the server, `concurrency` at a time, and writes the refused ones to
 * import-report.csv in the folder. Keeps no state of its own: a second run finds the calls already in
 * answered 200 by the server and counts them skipped, so an interrupted import is simply run again.
 */
export async function runImport(options: ImportOptions): Promise<ImportSummary> {
  const rows = await readManifestFile(options.folder);
  const started = Date.now();
  const counts = { total: rows.length, done: 0, imported: 0, skipped: 0, refused: 0 };
  const refusedCalls: RefusedCall[] = [];
  const progress = (): ImportProgress => ({ ...counts, elapsedSeconds: (Date.now() - started) / 1000 });
  options.onProgress?.(progress());

  const importRow = async (row: ManifestRow) => {
    const outcome = await importCall(options, row);
    counts.done++;
    if (outcome.outcome === 'refused') {
      counts.refused++;
      refusedCalls.push({ line: row.line, externalId: row.externalId ?? '', reason: outcome.reason });
    } else counts[outcome.outcome]++;
    options.onProgress?.(progress());
  };

  // A fixed number of workers taking the next row: memory holds at most `concurrency` audio files.
  let next = 0;
  const worker = async () => {
    while (next < rows.length) await importRow(rows[next++]);
  };
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? 4));
  await Promise.all(Array.from({ length: Math.min(concurrency, rows.length) }, worker));

  refusedCalls.sort((a, b) => a.line - b.line);
  const reportFile = path.join(options.folder, REPORT_FILE);
  await writeFile(reportFile, reportCsv(refusedCalls));
  return { ...progress(), refusedCalls, reportFile };
}

async function importCall(options: ImportOptions, row: ManifestRow): Promise<SendOutcome> {
  if (row.problem) return { outcome: 'refused', reason: row.problem };
  const loaded = await loadCall(options.folder, row);
  if ('problem' in loaded) return { outcome: 'refused', reason: loaded.problem };
  return sendRecording(options.baseUrl, options.token, loaded.call, options.retry ?? DEFAULT_RETRY);
}
