import { Descriptions, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { RoleTags } from '#web/components/role-tags';
import { useUser } from '#web/lib/auth';
import { useCan } from '#web/lib/authorization';
import { Decisions } from './decisions';
import { CalibrationWork } from './calibration-work';
import { DisputeWork } from './dispute-work';
import { FaqWork } from './faq-work';
import { ListeningWork } from './listening-work';
import { PromotionNotices } from './promotion-notices';
import { TeamFollowUp } from './team-follow-up';
import { WhatYouCanDo } from './what-you-can-do';

export function HomeRoute() {
  const { t } = useTranslation();
  const { data: user } = useUser();
  // One part per role the user holds (roles may be combined): what each does next.
  const listens = useCan('home.listening');
  const leads = useCan('home.teamFollowUp');
  const decides = useCan('home.decisions');
  const curates = useCan('home.faqWork');
  const grades = useCan('kpi.read');
  if (!user) return null;
  const worklists = listens || leads || decides || curates;
  const scope = [
    user.projects.length ? t('home.scopeProjects', { codes: user.projects.join(', ') }) : null,
    user.teams.length ? t('home.scopeTeams', { codes: user.teams.join(', ') }) : null,
  ].filter(Boolean);
  // Admins and supervisors given "all projects" see the whole centre; anyone else bound to nothing sees nothing.
  const unbound = user.allProjects ? t('home.wholeCentre') : t('common.none');
  return (
    <>
      <Typography.Title level={2} data-testid="home-welcome">
        {t('home.welcome', { name: user.displayName })}
      </Typography.Title>
      <Descriptions column={1} style={{ marginBottom: 24 }}>
        <Descriptions.Item label={t('home.yourRoles')}>
          <RoleTags roles={user.roles} />
        </Descriptions.Item>
        <Descriptions.Item label={t('home.yourScope')}>{user.allProjects ? t('home.wholeCentre') : scope.length ? scope.join(' · ') : unbound}</Descriptions.Item>
      </Descriptions>
      {decides && <Decisions />}
      {listens && <ListeningWork />}
      {listens && <CalibrationWork />}
      {leads && <TeamFollowUp />}
      {curates && <FaqWork />}
      <DisputeWork />
      {grades && <PromotionNotices />}
      <Typography.Title level={4}>{worklists ? t('home.otherPages') : t('home.whatYouCanDo')}</Typography.Title>
      <WhatYouCanDo roles={user.roles} />
    </>
  );
}

export default HomeRoute;
