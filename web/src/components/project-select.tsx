import { Select, type SelectProps } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useProjects } from '#web/api/projects';

/**
 * Projects by code, labelled 名称 (编码), searchable. `activeOnly` hides deactivated ones (for creating
 * things in them, or working in them); `chooseTheOnlyOne` picks the project when there is only one to
 * choose from, so a user bound to one project never has to.
 */
export function ProjectSelect({ activeOnly, chooseTheOnlyOne, ...props }: SelectProps<string> & { activeOnly?: boolean; chooseTheOnlyOne?: boolean }) {
  const { t } = useTranslation();
  const projects = useProjects();
  const options = (projects.data?.items ?? []).filter((p) => !activeOnly || p.active).map((p) => ({ value: p.code, label: `${p.name} (${p.code})` }));
  const only = chooseTheOnlyOne && !props.value && options.length === 1 ? options[0] : undefined;
  const { onChange } = props;
  useEffect(() => {
    if (only) onChange?.(only.value, only);
  }, [only, onChange]);
  return <Select<string> showSearch={{ optionFilterProp: 'label' }} loading={projects.isPending} options={options} placeholder={t('teams.project')} {...props} />;
}
