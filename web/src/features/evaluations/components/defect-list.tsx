import { Flex, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatTime } from '#web/components/call-player';
import type { Defect } from './form-model';

/** The defects marked so far (the waveform's regions live in a shadow root: this is the list to read and click). */
export function DefectList({ defects, onOpen }: { defects: readonly Defect[]; onOpen(defect: Defect): void }) {
  const { t } = useTranslation();
  return (
    <Flex align="center" gap={6} wrap data-testid="defects" style={{ minHeight: 24 }}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('workspace.defects', { n: defects.length })}
      </Typography.Text>
      {defects.length === 0 && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('workspace.noDefects')}
        </Typography.Text>
      )}
      {defects.map((d) => (
        <Tooltip key={d.code} title={d.comment ? `${d.title}：${d.comment}` : d.title}>
          <Tag
            data-testid="defect"
            data-code={d.code}
            data-at={d.at}
            color="error"
            style={{ cursor: 'pointer', marginInlineEnd: 0, fontVariantNumeric: 'tabular-nums' }}
            onClick={() => onOpen(d)}
          >
            {d.code} ▸ {formatTime(d.at)}
            {d.until !== null && d.until > d.at ? `–${formatTime(d.until)}` : ''}
          </Tag>
        </Tooltip>
      ))}
    </Flex>
  );
}
