import { Button, Space, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError } from '#web/components/errors/load-error';
import { PageHeader } from '#web/components/page-header';
import { useCan } from '#web/lib/authorization';
import { useFeedback } from '#web/lib/feedback';
import { type Project, useProjects } from '#web/api/projects';
import { useUpdateProject } from '../api/projects';
import { ActiveToggle } from '../components/active-toggle';
import { ProjectForm } from '../components/project-form';
import { ActiveTag } from '../components/status-tags';

export function ProjectsRoute() {
  const { t } = useTranslation();
  const projects = useProjects();
  const canEdit = useCan('org.project.edit');
  const update = useUpdateProject();
  const feedback = useFeedback();
  const [editing, setEditing] = useState<Project | 'new' | null>(null);

  const columns: TableColumnsType<Project> = [
    { title: t('projects.code'), dataIndex: 'code', sorter: (a, b) => a.code.localeCompare(b.code) },
    { title: t('projects.name'), dataIndex: 'name' },
    { title: t('common.status'), dataIndex: 'active', render: (active: boolean) => <ActiveTag active={active} /> },
  ];
  if (canEdit) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      render: (_, project) => (
        <Space size={0}>
          <Button size="small" type="link" data-testid="project-rename" onClick={() => setEditing(project)}>
            {t('common.rename')}
          </Button>
          <ActiveToggle
            active={project.active}
            confirm={t('projects.deactivateConfirm', { name: project.name })}
            loading={update.isPending && update.variables?.id === project.id}
            onChange={(active) => update.mutate({ id: project.id, active }, feedback)}
          />
        </Space>
      ),
    });
  }

  if (projects.isError) return <LoadError error={projects.error} onRetry={() => void projects.refetch()} />;
  return (
    <>
      <PageHeader
        title={t('projects.title')}
        extra={
          canEdit && (
            <Button type="primary" data-testid="project-create" onClick={() => setEditing('new')}>
              {t('projects.create')}
            </Button>
          )
        }
      />
      <Table<Project>
        rowKey="code"
        scroll={{ x: 'max-content' }}
        loading={projects.isPending}
        columns={columns}
        dataSource={projects.data?.items}
        pagination={{ defaultPageSize: 20, hideOnSinglePage: true, showTotal: (count) => t('common.total', { count }) }}
      />
      {editing && <ProjectForm project={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />}
    </>
  );
}

export default ProjectsRoute;
