import { Alert, Button, Flex, Modal, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTeams } from '#web/api/teams';
import { ImportErrors } from '#web/components/import-errors';
import { useImportAgents } from '../api/agents';
import { downloadAgentTemplate } from './agent-template';

/** The import button and its dialog: template, file picker, then counts or every bad line. */
export function AgentImport() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const importAgents = useImportAgents();
  const teams = useTeams();
  const exampleTeam = teams.data?.items.find((team) => team.active)?.code ?? 'T01';

  const close = () => {
    setOpen(false);
    importAgents.reset();
  };
  const pick = (file: File) => {
    if (!file.name.toLowerCase().endsWith('.csv')) return Upload.LIST_IGNORE;
    importAgents.mutate(file);
    return false; // We send it ourselves.
  };

  return (
    <>
      <Button data-testid="agent-import" onClick={() => setOpen(true)}>
        {t('agents.import')}
      </Button>
      <Modal open={open} title={t('agents.importTitle')} onCancel={close} footer={null} destroyOnHidden width={640}>
        <Typography.Paragraph type="secondary">{t('agents.importHint')}</Typography.Paragraph>
        <Flex gap="middle" align="center" wrap style={{ marginBottom: 16 }}>
          <Upload accept=".csv,text/csv" showUploadList={false} maxCount={1} beforeUpload={pick} data-testid="agent-import-file">
            <Button type="primary" loading={importAgents.isPending}>
              {t('agents.importPick')}
            </Button>
          </Upload>
          <Typography.Link
            data-testid="agent-template"
            onClick={() => downloadAgentTemplate(t('agents.templateName'), t('agents.templateExample', { team: exampleTeam }))}
          >
            {t('agents.downloadTemplate')}
          </Typography.Link>
        </Flex>
        {importAgents.isSuccess && (
          <Alert
            data-testid="import-result"
            type="success"
            showIcon
            title={t('agents.importDone', { created: importAgents.data.created, updated: importAgents.data.updated })}
          />
        )}
        {importAgents.isError && <ImportErrors error={importAgents.error} testId="import-errors" title={(message) => t('agents.importFailed', { message })} />}
      </Modal>
    </>
  );
}
