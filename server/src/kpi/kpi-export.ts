import ExcelJS from 'exceljs';
import type { KpiGrades } from '#shared/api/kpi.js';

const MOVES: Record<string, string> = { promote: '晋升 promote', keep: '保持 keep', demote: '降级 demote', belowIntern: '低于实习 below intern' };
const round = (x: number | null, digits: number) => (x === null ? null : Math.round(x * 10 ** digits) / 10 ** digits);

/** The quarter's review, one row an agent, headings in Chinese and English. */
export async function gradesXlsx(review: KpiGrades): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(`${review.project} ${review.quarter}`);
  const parts = review.scheme?.parts ?? [];
  sheet.addRow([
    '工号 agent',
    '姓名 name',
    '班组 team',
    '质检分 QA score',
    '质检数 evaluations',
    '95% 下限 low',
    '95% 上限 high',
    '证据不足 not enough evidence',
    'KPI 分 KPI score',
    'CPH',
    '成功率 success rate',
    '话务量 calls',
    '小时 hours',
    '成功数 successes',
    '当前级别 grade',
    '可评级别 eligible',
    '调整 move',
    // The scheme's imported parts, when the project has one in force.
    ...parts.map((p) => `${p.name} ${p.code}`),
  ]);
  sheet.getRow(1).font = { bold: true };
  for (const i of review.items) {
    sheet.addRow([
      i.agent,
      i.agentName,
      i.team,
      round(i.qaScore, 1),
      i.evaluations,
      i.qaLow,
      i.qaHigh,
      i.notEnoughEvidence === null ? null : i.notEnoughEvidence ? '是 yes' : '否 no',
      round(i.kpiScore, 1),
      round(i.cph, 2),
      round(i.successRate, 4),
      i.calls,
      round(i.hours, 2),
      i.successes,
      i.grade,
      i.eligible,
      i.move ? MOVES[i.move] : null,
      ...parts.map((p) => i.parts[p.code] ?? null),
    ]);
  }
  sheet.getColumn(11).numFmt = '0.00%';
  return Buffer.from(await book.xlsx.writeBuffer());
}
