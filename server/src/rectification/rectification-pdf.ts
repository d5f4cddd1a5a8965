import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import type { EvidenceRow, NoticeRow } from './rectification.repository.js';

/** One weight of Noto Sans SC: pdfkit embeds only the glyphs a notice uses (STACK.md "PDF with Chinese"). */
export const NOTICE_FONT = createRequire(import.meta.url).resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf');

const STATUS_ZH: Record<string, string> = { issued: '已下发', acknowledged: '已确认', 're-checking': '复检中', closed: '已关闭', escalated: '已升级' };

/** Seconds into the call as m:ss. */
const clock = (seconds: number) => `${Math.floor(seconds / 60)}:${String(Math.floor(seconds % 60)).padStart(2, '0')}`;
const localTime = (d: Date) => new Date(d).toLocaleString('zh-CN', { timeZone: process.env.TZ || 'Asia/Shanghai', hour12: false });

/**
 * The printable notice (书面整改通知书), A4 in Chinese: the centre and the team, each problem with its
 * evidence (call time, agent, the inspector's comment and the moment in the call), the required
 * actions, the deadline, and signature lines for the inspector and the team lead.
 */
export function renderNoticePdf(notice: NoticeRow, evidence: EvidenceRow[], titles: ReadonlyMap<string, string>): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: `整改通知书 ${notice.teamName}`, Author: notice.projectName } });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.font(NOTICE_FONT);
  doc.fontSize(20).text('书面整改通知书', { align: 'center' });
  doc.moveDown(0.5);
  doc.fontSize(11).text(`${notice.projectName}（${notice.project}）呼叫中心质检组`, { align: 'center' });
  doc.moveDown();
  doc.fontSize(12);
  doc.text(`致：${notice.teamName}（${notice.team}）班组`);
  doc.text(`编号：${notice.id}`);
  doc.text(`下发：${notice.issuedByName}（${notice.issuedBy}），${localTime(notice.createdAt)}`);
  doc.text(`状态：${STATUS_ZH[notice.status] ?? notice.status}`);
  doc.moveDown();
  doc.fontSize(14).text('一、存在的问题及证据');
  doc.fontSize(11);
  notice.codes.forEach((code, k) => {
    doc.moveDown(0.4).text(`${k + 1}. ${titles.get(code) ?? code}（${code}）`);
    const rows = evidence.filter((e) => e.code === code);
    if (!rows.length) doc.text('    （未附评分证据）');
    for (const e of rows)
      doc.text(
        `    · 通话时间 ${localTime(e.startedAt)}，坐席 ${e.agentName}（${e.agent}）${e.at !== null ? `，通话第 ${clock(e.at)} 处` : ''}：${e.comment?.trim() || '（无评语）'}`,
      );
  });
  doc.moveDown();
  doc.fontSize(14).text('二、整改要求');
  doc.fontSize(11).text(notice.actions);
  if (notice.actionPlan) {
    doc.moveDown(0.4).text(`班组整改计划：${notice.actionPlan}`);
  }
  doc.moveDown();
  doc.fontSize(14).text('三、期限');
  doc.fontSize(11).text(`整改期限：${notice.deadline}；复检自 ${notice.recheckFrom} 起，每日抽检加抽该班组每位坐席的通话，直至通知关闭。`);
  doc.moveDown(2);
  doc.fontSize(12);
  doc.text('质检员签字：____________________        日期：____________');
  doc.moveDown(1.5);
  doc.text('班长签字：______________________        日期：____________');
  doc.end();
  return done;
}
