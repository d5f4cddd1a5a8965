import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AnalysisReportKind } from '../api/analysis-reports';

const COLOR: Record<AnalysisReportKind, string> = { daily: 'blue', weekly: 'geekblue', monthly: 'purple' };

export function KindTag({ kind }: { kind: AnalysisReportKind }) {
  const { t } = useTranslation();
  return <Tag color={COLOR[kind]}>{t(`analysisReports.kinds.${kind}`)}</Tag>;
}

/** 2026-10-14, or 2026-10-12 ~ 2026-10-18. */
export const periodText = (r: { from: string; to: string }) => (r.from === r.to ? r.from : `${r.from} ~ ${r.to}`);
