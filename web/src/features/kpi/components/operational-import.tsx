import { Alert, Button, Flex, Modal, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadText } from '#web/lib/download';
import { ImportErrors } from '#web/components/import-errors';
import { useImportOperational } from '../api/kpi';

const TEMPLATE = '工号,日期,话务量,在线时长,成功量\r\nE1001,2026-07-01,120,8,70\r\n';

/** The upload button and its dialog: template, file picker (CSV or XLSX), then the count or every bad line. */
export function OperationalImport() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const upload = useImportOperational();
  const close = () => {
    setOpen(false);
    upload.reset();
  };
  const pick = (file: File) => {
    if (!/\.(csv|xlsx)$/i.test(file.name)) return Upload.LIST_IGNORE;
    upload.mutate(file);
    return false; // We send it ourselves.
  };

  return (
    <>
      <Button data-testid="kpi-import" onClick={() => setOpen(true)}>
        {t('kpi.import')}
      </Button>
      <Modal open={open} title={t('kpi.importTitle')} onCancel={close} footer={null} destroyOnHidden width={640}>
        <Typography.Paragraph type="secondary">{t('kpi.importHint')}</Typography.Paragraph>
        <Flex gap="middle" align="center" wrap style={{ marginBottom: 16 }}>
          <Upload accept=".csv,.xlsx,text/csv" showUploadList={false} maxCount={1} beforeUpload={pick} data-testid="kpi-import-file">
            <Button type="primary" loading={upload.isPending}>
              {t('kpi.importPick')}
            </Button>
          </Upload>
          <Typography.Link data-testid="kpi-template" onClick={() => downloadText(t('kpi.templateName'), `\uFEFF${TEMPLATE}`, 'text/csv;charset=utf-8')}>
            {t('kpi.downloadTemplate')}
          </Typography.Link>
        </Flex>
        {upload.isSuccess && <Alert data-testid="kpi-import-result" type="success" showIcon title={t('kpi.importDone', { count: upload.data.upserted })} />}
        {upload.isError && <ImportErrors error={upload.error} testId="kpi-import-errors" title={(message) => t('kpi.importFailed', { message })} />}
      </Modal>
    </>
  );
}
