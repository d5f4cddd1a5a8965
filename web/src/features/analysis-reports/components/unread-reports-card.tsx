import { Card, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '#web/config/paths';
import { useCan } from '#web/lib/authorization';
import { useUnreadReports } from '../api/analysis-reports';

/**
 * For a home page: how many published reports of the caller's teams he has not opened, linking to
 * the reports. Renders nothing for a role that does not read reports.
 */
export function UnreadReportsCard() {
  const { t } = useTranslation();
  const allowed = useCan('report.analysis.read');
  const unread = useUnreadReports(allowed);
  if (!allowed) return null;
  return (
    <Card size="small" title={t('analysisReports.unreadCard')} extra={<Link to={paths.analysisReports.getHref()}>{t('analysisReports.unreadCardOpen')}</Link>}>
      <Statistic value={unread.data?.count ?? 0} loading={unread.isPending} data-testid="unread-reports-count" />
      <div style={{ opacity: 0.65 }}>{t('analysisReports.unreadCardHelp')}</div>
    </Card>
  );
}
