import { Button, Dropdown } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { paths } from '#web/config/paths';
import { useCallEvaluations } from '../api/evaluation';

/**
 * The call's other submitted evaluations (another inspector's, a team lead's spot check): opened
 * read-only here, which is where a supervisor amends one.
 */
export function OtherEvaluations({ recordingId, currentId }: { recordingId: string; currentId: string }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const all = useCallEvaluations(recordingId);
  const others = (all.data?.items ?? []).filter((e) => e.id !== currentId);
  if (!others.length) return null;
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: others.map((e) => ({
          key: e.id,
          'data-testid': `other-evaluation-${e.id}`,
          label: t('workspace.otherEvaluation', {
            name: e.inspectorName,
            score: e.fatal ? t('workspace.fatal') : (e.score ?? '—'),
            at: e.submittedAt ? new Date(e.submittedAt).toLocaleString(i18n.resolvedLanguage, { dateStyle: 'short', timeStyle: 'short' }) : '—',
          }),
        })),
        onClick: ({ key }) => void navigate(paths.evaluate.getHref(recordingId, { evaluation: key })),
      }}
    >
      <Button data-testid="other-evaluations">{t('workspace.otherEvaluations', { n: others.length })}</Button>
    </Dropdown>
  );
}
