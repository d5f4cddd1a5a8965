import { Select, type SelectProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useTeams } from '#web/api/teams';

/** Teams by code, labelled 名称 (编码), optionally within one project; `activeOnly` hides deactivated ones. */
export function TeamSelect({ project, activeOnly, ...props }: SelectProps<string> & { project?: string; activeOnly?: boolean }) {
  const { t } = useTranslation();
  const teams = useTeams(project);
  const options = (teams.data?.items ?? []).filter((team) => !activeOnly || team.active).map((team) => ({ value: team.code, label: `${team.name} (${team.code})` }));
  return <Select showSearch={{ optionFilterProp: 'label' }} loading={teams.isPending} options={options} placeholder={t('agents.team')} {...props} />;
}
