import { App, Button, Descriptions, Drawer, Table, type TableColumnsType, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useActiveChecklist, useChecklistVersion } from '#web/api/checklists';
import { LoadError } from '#web/components/errors/load-error';
import { PageHeader } from '#web/components/page-header';
import { PageSpin } from '#web/components/page-spin';
import { useCan } from '#web/lib/authorization';
import { useUser } from '#web/lib/auth';
import { errorMessage } from '#web/lib/errors';
import { type ChecklistSummary, type ChecklistVersion, useChecklists, useCreateDraft } from '../api/checklists';
import { ChecklistView } from '../components/checklist-view';
import { DraftEditor } from '../components/draft-editor';
import { RecheckProgress } from '../components/recheck-progress';
import { AgreementTable } from '../components/agreement-table';

const TABS = ['active', 'draft', 'history', 'agreement'] as const;
type Tab = (typeof TABS)[number];

function useTab(): [Tab, (tab: Tab) => void] {
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab');
  const current: Tab = TABS.includes(tab as Tab) ? (tab as Tab) : 'active';
  return [current, (next) => setParams(next === 'active' ? {} : { tab: next }, { replace: true })];
}

const points = (version: Pick<ChecklistVersion, 'sections'>) => version.sections.reduce((sum, s) => sum + s.items.reduce((n, i) => n + i.points, 0), 0);
const itemCount = (version: Pick<ChecklistVersion, 'sections'>) => version.sections.reduce((n, s) => n + s.items.length, 0);

/** One version read-only with its header: number, when published, note, items and points. */
function VersionDetails({ version }: { version: ChecklistVersion }) {
  const { t, i18n } = useTranslation();
  const at = (iso: string | null) => (iso ? new Date(iso).toLocaleString(i18n.resolvedLanguage) : '—');
  return (
    <>
      <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('checklists.columns.version')}>
          <span data-testid="checklist-version">{t('checklists.version', { version: version.version })}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('checklists.columns.publishedAt')}>{at(version.publishedAt)}</Descriptions.Item>
        <Descriptions.Item label={t('checklists.columns.items')}>{t('checklists.totals', { count: itemCount(version), points: points(version) })}</Descriptions.Item>
        {version.note && <Descriptions.Item label={t('checklists.columns.note')}>{version.note}</Descriptions.Item>}
      </Descriptions>
      <ChecklistView sections={version.sections} />
    </>
  );
}

function VersionDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useTranslation();
  const version = useChecklistVersion(id);
  return (
    <Drawer
      open
      size="min(1000px, 100vw)"
      onClose={onClose}
      title={version.data ? t('checklists.version', { version: version.data.version }) : ''}
      data-testid="checklist-version-drawer"
    >
      {version.isError ? (
        <LoadError error={version.error} onRetry={() => void version.refetch()} />
      ) : version.data ? (
        <VersionDetails version={version.data} />
      ) : (
        <PageSpin />
      )}
    </Drawer>
  );
}

function VersionHistory({ versions, activeId, onView }: { versions: ChecklistSummary[]; activeId?: string; onView: (id: string) => void }) {
  const { t, i18n } = useTranslation();
  const at = (iso: string | null) => (iso ? new Date(iso).toLocaleString(i18n.resolvedLanguage) : '—');
  const columns: TableColumnsType<ChecklistSummary> = [
    { title: t('checklists.columns.version'), dataIndex: 'version', render: (v: number) => t('checklists.version', { version: v }) },
    {
      title: t('checklists.columns.status'),
      key: 'status',
      render: (_, row) =>
        row.status === 'draft' ? (
          <Tag color="orange">{t('checklists.statusDraft')}</Tag>
        ) : row.id === activeId ? (
          <Tag color="green">{t('checklists.statusActive')}</Tag>
        ) : (
          <Tag>{t('checklists.statusPublished')}</Tag>
        ),
    },
    { title: t('checklists.columns.items'), dataIndex: 'itemCount', align: 'right' },
    { title: t('checklists.columns.note'), dataIndex: 'note', render: (note: string | null) => note || '—' },
    { title: t('checklists.columns.createdAt'), dataIndex: 'createdAt', render: at },
    { title: t('checklists.columns.publishedAt'), dataIndex: 'publishedAt', render: at },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, row) => (
        <Button type="link" size="small" onClick={() => onView(row.id)} data-testid={`checklist-view-${row.version}`}>
          {t('checklists.view')}
        </Button>
      ),
    },
  ];
  return (
    <Table<ChecklistSummary>
      rowKey="id"
      size="small"
      pagination={false}
      scroll={{ x: 'max-content' }}
      columns={columns}
      dataSource={versions}
      data-testid="checklist-versions"
    />
  );
}

export function ChecklistsRoute() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  // Who may draft and publish: the checklist is centre-wide, so only someone who sees all projects; everyone else reads.
  const { data: user } = useUser();
  const canEdit = useCan('checklist.edit') && !!user?.allProjects;
  const [tab, setTab] = useTab();
  const [viewing, setViewing] = useState<string | null>(null);
  const list = useChecklists();
  const active = useActiveChecklist();
  const create = useCreateDraft();
  const draftSummary = list.data?.items.find((v) => v.status === 'draft');
  const draft = useChecklistVersion(canEdit ? draftSummary?.id : undefined);

  if (list.isError || active.isError) {
    const error = list.error ?? active.error;
    return <LoadError error={error} onRetry={() => void Promise.all([list.refetch(), active.refetch()])} />;
  }
  if (!list.data || !active.data) return <PageSpin />;

  const newDraft = () =>
    create.mutate(undefined, {
      onSuccess: (created) => {
        void message.success(t('checklists.draftCreated', { version: created.version }));
        setTab('draft');
      },
      onError: (error) => void message.error(errorMessage(error, t)),
    });

  const headerAction = !canEdit ? null : draftSummary ? (
    <Button type="primary" onClick={() => setTab('draft')} data-testid="checklist-open-draft">
      {t('checklists.openDraft', { version: draftSummary.version })}
    </Button>
  ) : (
    <Button type="primary" loading={create.isPending} onClick={newDraft} data-testid="checklist-new-draft">
      {t('checklists.newDraft')}
    </Button>
  );

  const draftTab =
    canEdit && draftSummary
      ? [
          {
            key: 'draft',
            label: <span data-testid="checklist-tab-draft">{t('checklists.draftTab', { version: draftSummary.version })}</span>,
            children: draft.isError ? (
              <LoadError error={draft.error} onRetry={() => void draft.refetch()} />
            ) : draft.data ? (
              <DraftEditor key={draft.data.id} draft={draft.data} onPublished={() => setTab('active')} onDeleted={() => setTab('active')} />
            ) : (
              <PageSpin />
            ),
          },
        ]
      : [];

  return (
    <>
      <PageHeader title={t('checklists.title')} extra={headerAction} />
      {canEdit ? (
        <RecheckProgress />
      ) : (
        <Typography.Paragraph type="secondary" data-testid="checklist-read-only">
          {t('checklists.readOnly')}
        </Typography.Paragraph>
      )}
      <Tabs
        activeKey={tab === 'draft' && !draftTab.length ? 'active' : tab}
        onChange={(key) => setTab(key as Tab)}
        items={[
          {
            key: 'active',
            label: <span data-testid="checklist-tab-active">{t('checklists.activeTab', { version: active.data.version })}</span>,
            children: (
              <div data-testid="checklist-active">
                <VersionDetails version={active.data} />
              </div>
            ),
          },
          ...draftTab,
          {
            key: 'history',
            label: <span data-testid="checklist-tab-history">{t('checklists.historyTab')}</span>,
            children: <VersionHistory versions={list.data.items} activeId={active.data.id} onView={setViewing} />,
          },
          ...(canEdit
            ? [
                {
                  key: 'agreement',
                  label: <span data-testid="checklist-tab-agreement">{t('checklists.agreement.tab')}</span>,
                  children: <AgreementTable titles={Object.fromEntries(active.data.sections.flatMap((s) => s.items.map((i) => [i.code, i.title])))} />,
                },
              ]
            : []),
        ]}
      />
      {viewing && <VersionDrawer id={viewing} onClose={() => setViewing(null)} />}
    </>
  );
}

export default ChecklistsRoute;
