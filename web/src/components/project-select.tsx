import { Select, type SelectProps } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useProjects } from '#web/api/projects';

/**
 * Projects by code, labelled 名称 (编码), searchable. `activeOnly` hides deactivated ones (for creating
 * things in them, or working in them); `chooseTheOnlyOne` picks the project when there is only one to
 * choose from, so a user bound to one project never has to. `allOption` adds a first option standing
 * for every project (its value and label), offered only when there are two or more.
 */
export function ProjectSelect({
  activeOnly,
  chooseTheOnlyOne,
  allOption,
  ...props
}: SelectProps<string> & { activeOnly?: boolean; chooseTheOnlyOne?: boolean; allOption?: { value: string; label: string } }) {
  const { t } = useTranslation();
  const projects = useProjects();
  const options = (projects.data?.items ?? []).filter((p) => !activeOnly || p.active).map((p) => ({ value: p.code, label: `${p.name} (${p.code})` }));
  const only = chooseTheOnlyOne && !props.value && options.length === 1 ? options[0] : undefined;
  const { onChange } = props;
  useEffect(() => {
    if (only) onChange?.(only.value, only);
  }, [only, onChange]);
  const offered = allOption && options.length > 1 ? [allOption, ...options] : options;
  return <Select<string> showSearch={{ optionFilterProp: 'label' }} loading={projects.isPending} options={offered} placeholder={t('teams.project')} {...props} />;
}
