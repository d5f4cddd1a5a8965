import type { Evaluation } from '#shared/api/evaluations.js';
import { type CellValue, type HeaderStyle, type Sheet, type SheetColumn, writeCsv, writeXlsx } from '#server/common/spreadsheet.js';

/** The evaluation's own columns; `key` is CONTRACT.md's field name, kept exactly with `headers=keys`. */
const COLUMNS: (SheetColumn & { key: keyof Evaluation })[] = [
  { key: 'id', zh: '评分编号', en: 'Evaluation ID', width: 38 },
  { key: 'recordingId', zh: '录音编号', en: 'Recording ID', width: 38 },
  { key: 'agent', zh: '工号', en: 'Employee no.', width: 12 },
  { key: 'agentName', zh: '座席姓名', en: 'Agent', width: 12 },
  { key: 'team', zh: '班组', en: 'Team', width: 12 },
  { key: 'inspector', zh: '质检员', en: 'Inspector', width: 14 },
  { key: 'source', zh: '来源', en: 'Source', width: 10 },
  { key: 'checklistVersion', zh: '标准版本', en: 'Checklist version', type: 'integer' },
  { key: 'score', zh: '得分', en: 'Score', type: 'number' },
  { key: 'fatal', zh: '致命', en: 'Fatal', type: 'boolean' },
  { key: 'submittedAt', zh: '提交时间', en: 'Submitted at', type: 'datetime' },
];

const SOURCE: Record<string, { zh: string; en: string }> = {
  daily: { zh: '日常抽检', en: 'Daily sample' },
  'spot-check': { zh: '班长抽听', en: 'Spot check' },
  complaint: { zh: '客诉', en: 'Complaint' },
  calibration: { zh: '校准', en: 'Calibration' },
};
const VERDICT: Record<string, { zh: string; en: string }> = {
  pass: { zh: '通过', en: 'Pass' },
  fail: { zh: '不通过', en: 'Fail' },
  na: { zh: '不适用', en: 'N/A' },
};
const YES_NO = { zh: ['是', '否'], en: ['Yes', 'No'] } as const;

/**
 * One row an evaluation, then one column per item code with its verdict, as the JSON list gives them.
 * For a person the titles and the words (source, verdicts, fatal) are in his language and the item
 * columns are titled by the item; for scripts (`keys`) the headers are CONTRACT.md's field names and
 * the item codes, and the values the API's own.
 */
export function evaluationsSheet(items: Evaluation[], style: HeaderStyle): Sheet {
  const codes = new Map<string, string>();
  for (const e of items) for (const i of e.items) if (!codes.has(i.code)) codes.set(i.code, i.title);
  const human = style !== 'keys';
  const word = (table: Record<string, { zh: string; en: string }>, v: string | null) => (human && v && table[v] ? table[v][style] : v);
  const columns: SheetColumn[] = [...COLUMNS, ...[...codes].map(([code, title]) => ({ key: code, zh: title ? `${title}（${code}）` : code, en: code, width: 12 }))];
  const rows = items.map((e): CellValue[] => {
    const verdicts = new Map(e.items.map((i) => [i.code, i.verdict]));
    return [
      ...COLUMNS.map((c): CellValue => {
        const v = e[c.key];
        if (c.key === 'source') return word(SOURCE, e.source);
        if (c.key === 'fatal') return human ? (e.fatal === null ? null : YES_NO[style][e.fatal ? 0 : 1]) : e.fatal;
        return v as CellValue;
      }),
      ...[...codes.keys()].map((code) => word(VERDICT, verdicts.get(code) ?? null) ?? ''),
    ];
  });
  return { name: { key: 'evaluations', zh: '评分明细', en: 'Evaluations' }, columns, rows };
}

export const evaluationsCsv = (items: Evaluation[], style: HeaderStyle): Buffer => writeCsv(evaluationsSheet(items, style), style);

export const evaluationsXlsx = (items: Evaluation[], style: HeaderStyle): Promise<Buffer> => writeXlsx([evaluationsSheet(items, style)], style);
