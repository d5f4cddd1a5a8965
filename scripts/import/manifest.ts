import { parse } from 'csv-parse/sync';

/** One call of a day's manifest, as the recording system exported it, with the line it came from. */
export interface ManifestRow {
  line: number;
  externalId: string;
  agent: string;
  startedAt: string;
  direction: string;
  customerNumber?: string;
  businessType?: string;
  channels?: string;
  /** Relative to the manifest's folder. */
  audio: string;
  /** Relative to the manifest's folder; many calls are imported before speech recognition ran. */
  transcript?: string;
  /** Why the row cannot be sent, found without asking the server. */
  problem?: string;
}

/** The manifest as a whole cannot be used: nothing of it is imported. */
export class ManifestError extends Error {}

type Column = Exclude<keyof ManifestRow, 'line' | 'problem'>;

const HEADER_COLUMNS: Column[] = ['externalId', 'agent', 'startedAt', 'direction', 'customerNumber', 'audio', 'transcript'];
const EXTRA_COLUMNS: Column[] = ['businessType', 'channels'];
// customerNumber may be withheld and transcript may come later: only these must hold a value.
const REQUIRED_VALUES: Column[] = ['externalId', 'agent', 'startedAt', 'direction', 'audio'];

/** A manifest touched up in Excel on a Chinese Windows comes back GB18030, not UTF-8 (as HR sheets do). */
function decodeManifest(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/**
 * Reads every row of a manifest. Problems of a single row are kept on the row (the rest of the day
 * still goes in); problems of the file itself (unreadable CSV, wrong header) throw ManifestError.
 */
export function readManifest(source: Uint8Array | string): ManifestRow[] {
  const text = typeof source === 'string' ? source : decodeManifest(source);
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { info: true, skip_empty_lines: true, trim: true, relax_column_count: true, bom: true }) as never;
  } catch (e) {
    throw new ManifestError(`manifest is not a readable CSV file: ${(e as Error).message.split('\n')[0]}`);
  }
  if (records.length === 0) throw new ManifestError(`manifest is empty: expected the header ${HEADER_COLUMNS.join(',')}`);
  const width = records[0].record.length;
  const columns = readHeader(records[0].record);

  const rows: ManifestRow[] = [];
  const firstLineOf = new Map<string, number>();
  for (const { record, info } of records.slice(1)) {
    // Spreadsheets leave rows of bare commas below the data: not calls, so not refusals either.
    if (record.every((cell) => cell === '')) continue;
    const row = { line: info.lines } as ManifestRow;
    for (const [column, index] of columns) if (record[index]) row[column] = record[index];

    const problems: string[] = [];
    const missing = REQUIRED_VALUES.filter((c) => !row[c]);
    if (missing.length) problems.push(`missing ${missing.join(', ')}`);
    const overflow = record.slice(width).filter((cell) => cell !== '').length;
    // Almost always an unquoted comma inside a value, which shifts every column after it.
    if (overflow) problems.push(`more values than the ${width} columns of the header (a comma inside a value must be quoted)`);
    if (row.externalId) {
      const first = firstLineOf.get(row.externalId);
      if (first !== undefined) problems.push(`externalId ${row.externalId} repeats line ${first}`);
      else firstLineOf.set(row.externalId, row.line);
    }
    if (problems.length) row.problem = problems.join('; ');
    rows.push(row);
  }
  return rows;
}

/** Column → cell index. Headings match whatever their case; unknown ones are refused, not ignored. */
function readHeader(header: string[]): Map<Column, number> {
  const known = new Map([...HEADER_COLUMNS, ...EXTRA_COLUMNS].map((c) => [c.toLowerCase(), c]));
  const columns = new Map<Column, number>();
  const unknown: string[] = [];
  header.forEach((heading, index) => {
    const column = known.get(heading.toLowerCase());
    if (!column) unknown.push(heading || `(empty heading in column ${index + 1})`);
    else if (columns.has(column)) throw new ManifestError(`manifest header names ${column} twice`);
    else columns.set(column, index);
  });
  const missing = HEADER_COLUMNS.filter((c) => !columns.has(c));
  // A misspelt "chanels" ignored would file stereo calls as mono and swap who said what: refuse it.
  if (missing.length || unknown.length) {
    const found = [missing.length && `missing ${missing.join(', ')}`, unknown.length && `unknown ${unknown.join(', ')}`].filter(Boolean).join('; ');
    throw new ManifestError(`manifest header (line 1): ${found}. Expected ${HEADER_COLUMNS.join(',')} and optionally ${EXTRA_COLUMNS.join(',')}`);
  }
  return columns;
}
