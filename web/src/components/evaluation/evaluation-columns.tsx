import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '#web/config/paths';
import { Score, SourceTag } from './evaluation-labels';
import type { ListedEvaluation } from './types';

/**
 * The columns of a list of evaluations: the call (when it started, linking to it), then `who` (the
 * columns a list adds, such as agent and team), then inspector, source, checklist version, score and
 * when it was submitted.
 */
export function useEvaluationColumns<E extends ListedEvaluation>({
  callLinkTestId,
  who = [],
}: {
  callLinkTestId: string;
  who?: TableColumnsType<E>;
}): TableColumnsType<E> {
  const { t, i18n } = useTranslation();
  const at = (iso: string | null) => (iso ? new Date(iso).toLocaleString(i18n.resolvedLanguage) : '—');
  return [
    {
      title: t('evaluations.callTime'),
      key: 'call',
      render: (_, e) => (
        <Link to={paths.recording.getHref(e.recordingId)} data-testid={callLinkTestId}>
          {at(e.callStartedAt)}
        </Link>
      ),
    },
    ...who,
    { title: t('evaluations.inspector'), key: 'inspector', render: (_, e) => e.inspectorName || e.inspector },
    { title: t('evaluations.source'), dataIndex: 'source', render: (source: string) => <SourceTag source={source} /> },
    { title: t('evaluations.checklistVersion'), dataIndex: 'checklistVersion', render: (version: number) => t('evaluations.versionN', { version }) },
    { title: t('evaluations.score'), key: 'score', align: 'right', render: (_, e) => <Score score={e.score} fatal={e.fatal} /> },
    { title: t('evaluations.submittedAt'), dataIndex: 'submittedAt', render: at },
  ];
}
