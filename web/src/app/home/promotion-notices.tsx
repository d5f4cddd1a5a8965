import { Card, List, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { paths } from '#web/config/paths';
import { type Promotion, usePromotionNotifications } from '#web/features/kpi/api/promotions';
import { useUser } from '#web/lib/auth';

/**
 * Promotion applications on the home page (issue 13): those waiting for the user's step, and those
 * he applied for or was named on that were decided lately, with the outcome.
 */
export function PromotionNotices() {
  const { t } = useTranslation();
  const notices = usePromotionNotifications();
  const me = useUser().data?.username;
  if (!notices.data || (!notices.data.awaiting.length && !notices.data.decided.length)) return null;
  const who = (p: Promotion) => `${p.agentName}（${p.agent}）`;
  const grades = (p: Promotion) => `${t(`agents.grades.${p.fromGrade}`)} → ${t(`agents.grades.${p.toGrade}`)}`;
  const last = (p: Promotion) => p.decisions.at(-1);
  return (
    <Card title={t('home.promotions.title')} style={{ marginBottom: 24 }} data-testid="home-promotions">
      {notices.data.awaiting.length > 0 && (
        <List
          data-testid="home-promotions-awaiting"
          header={<Typography.Text strong>{t('home.promotions.awaiting', { count: notices.data.awaiting.length })}</Typography.Text>}
          dataSource={notices.data.awaiting}
          renderItem={(p) => (
            <List.Item
              data-testid={`home-promotion-awaiting-${p.agent}`}
              actions={[
                <Link key="open" to={paths.kpi.getHref()}>
                  {t('home.promotions.open')}
                </Link>,
              ]}
            >
              {t('home.promotions.awaitingItem', { agent: who(p), grades: grades(p), step: t(`kpi.steps.${p.currentStep!}`), by: p.appliedBy })}
            </List.Item>
          )}
        />
      )}
      {notices.data.decided.length > 0 && (
        <List
          data-testid="home-promotions-decided"
          header={<Typography.Text strong>{t('home.promotions.decided', { days: notices.data.days })}</Typography.Text>}
          dataSource={notices.data.decided}
          renderItem={(p) => {
            const d = last(p);
            return (
              <List.Item data-testid={`home-promotion-decided-${p.agent}`}>
                <Tag color={p.status === 'approved' ? 'green' : 'red'}>{t(`home.promotions.status.${p.status === 'approved' ? 'approved' : 'rejected'}`)}</Tag>
                {p.status === 'approved'
                  ? t('home.promotions.approvedItem', { agent: who(p), grades: grades(p), date: p.effectiveOn ?? '' })
                  : t('home.promotions.rejectedItem', { agent: who(p), grades: grades(p), by: d?.by ?? '', step: d ? t(`kpi.steps.${d.step}`) : '' })}
                {d?.comment && <Typography.Text type="secondary">{` — ${d.comment}`}</Typography.Text>}
                {p.appliedBy === me && <Typography.Text type="secondary">{` · ${t('home.promotions.yours')}`}</Typography.Text>}
              </List.Item>
            );
          }}
        />
      )}
    </Card>
  );
}
