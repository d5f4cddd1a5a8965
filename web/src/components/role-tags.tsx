import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Role } from '#shared/org';

const COLOURS: Record<Role, string> = {
  admin: 'red',
  supervisor: 'purple',
  inspector: 'blue',
  team_lead: 'green',
  faq_maintainer: 'gold',
  trainer: 'cyan',
};

export function RoleTags({ roles, ...rest }: { roles: readonly Role[]; 'data-testid'?: string }) {
  const { t } = useTranslation();
  return (
    <span {...rest}>
      {roles.map((role) => (
        <Tag key={role} color={COLOURS[role]} variant="outlined">
          {t(`roles.${role}`)}
        </Tag>
      ))}
    </span>
  );
}
