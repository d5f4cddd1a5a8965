import { Select, type SelectProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useProjects } from '#web/api/projects';

/** Projects by code, labelled 名称 (编码). `activeOnly` hides deactivated ones (for creating things in them). */
export function ProjectSelect({ activeOnly, ...props }: SelectProps<string> & { activeOnly?: boolean }) {
  const { t } = useTranslation();
  const projects = useProjects();
  const options = (projects.data?.items ?? []).filter((p) => !activeOnly || p.active).map((p) => ({ value: p.code, label: `${p.name} (${p.code})` }));
  return <Select showSearch={{ optionFilterProp: 'label' }} loading={projects.isPending} options={options} placeholder={t('teams.project')} {...props} />;
}
