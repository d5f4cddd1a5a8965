import { Col, Input, InputNumber, Row, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DraftItem } from './draft-model';
import { Field } from './field';
import type { ProblemMap } from './problems';
import { RuleEditor } from './rule-editor';

interface ItemEditorProps {
  item: DraftItem;
  onChange: (item: DraftItem) => void;
  /** `sections[s].items[i]` */
  path: string;
  problems: ProblemMap;
}

/** Every field of one checklist item, its automatic rule included. */
export function ItemEditor({ item, onChange, path, problems }: ItemEditorProps) {
  const { t } = useTranslation();
  const set = (patch: Partial<DraftItem>) => onChange({ ...item, ...patch });
  return (
    <div data-testid={`draft-item-editor-${item.code}`}>
      <Row gutter={16}>
        <Col xs={24} md={6}>
          <Field label={t('checklists.fields.code')} path={`${path}.code`} problems={problems}>
            <Input value={item.code} maxLength={32} onChange={(e) => set({ code: e.target.value.toUpperCase() })} data-testid="item-code" />
          </Field>
        </Col>
        <Col xs={24} md={18}>
          <Field label={t('checklists.fields.title')} path={`${path}.title`} problems={problems}>
            <Input value={item.title} maxLength={200} onChange={(e) => set({ title: e.target.value })} data-testid="item-title" />
          </Field>
        </Col>
      </Row>
      <Field label={t('checklists.fields.guidance')} path={`${path}.guidance`} problems={problems}>
        <Input.TextArea
          value={item.guidance ?? ''}
          autoSize={{ minRows: 1, maxRows: 4 }}
          onChange={(e) => set({ guidance: e.target.value })}
          data-testid="item-guidance"
        />
      </Field>
      <Field label={t('checklists.fields.scoringNote')} path={`${path}.scoringNote`} problems={problems}>
        <Input.TextArea
          value={item.scoringNote ?? ''}
          autoSize={{ minRows: 1, maxRows: 4 }}
          onChange={(e) => set({ scoringNote: e.target.value })}
          data-testid="item-scoring-note"
        />
      </Field>
      <Row gutter={24} wrap>
        <Col>
          <Field label={t('checklists.fields.points')} path={`${path}.points`} problems={problems}>
            <InputNumber<number> min={0} max={100} value={item.points ?? null} onChange={(v) => set({ points: v as number })} data-testid="item-points" />
          </Field>
        </Col>
        <Col>
          <Field label={t('checklists.fields.critical')} path={`${path}.critical`} problems={problems} extra={t('checklists.editor.criticalHint')}>
            <Switch checked={item.critical} onChange={(critical) => set({ critical })} data-testid="item-critical" />
          </Field>
        </Col>
        <Col>
          <Field label={t('checklists.fields.allowNa')} path={`${path}.allowNa`} problems={problems}>
            <Switch checked={item.allowNa} onChange={(allowNa) => set({ allowNa })} data-testid="item-allow-na" />
          </Field>
        </Col>
        <Col>
          <Field label={t('checklists.fields.knowledge')} path={`${path}.knowledge`} problems={problems} extra={t('checklists.editor.knowledgeHint')}>
            {/* Left out when off, as the checklists written before the flag are. */}
            <Switch checked={!!item.knowledge} onChange={(knowledge) => set({ knowledge: knowledge || undefined })} data-testid="item-knowledge" />
          </Field>
        </Col>
      </Row>
      <RuleEditor rule={item.rule} onChange={(rule) => set({ rule })} path={`${path}.rule`} problems={problems} />
    </div>
  );
}
