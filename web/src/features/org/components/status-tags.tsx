import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { AgentStatus } from '#shared/org';

/** 启用 / 已停用, for projects, teams and users. */
export function ActiveTag({ active }: { active: boolean }) {
  const { t } = useTranslation();
  return <Tag color={active ? 'green' : 'default'}>{active ? t('common.active') : t('common.inactive')}</Tag>;
}

/** 在职 / 离职 */
export function AgentStatusTag({ status }: { status: AgentStatus }) {
  const { t } = useTranslation();
  return status === AgentStatus.Active ? <Tag color="green">{t('agents.statusActive')}</Tag> : <Tag>{t('agents.statusLeft')}</Tag>;
}
