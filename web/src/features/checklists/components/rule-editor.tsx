import { Button, Col, InputNumber, Row, Select, Space, Switch } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PhraseWindow, RuleConfig, Speaker } from '#shared/rules/types';
import { newRule, RULE_TYPES, type RuleType } from './draft-model';
import { Field } from './field';
import type { ProblemMap } from './problems';
import { DEFAULT_MAX_GAP_SECONDS, DEFAULT_MIN_OVERLAP_SECONDS } from './rule-text';

const NONE = 'none';
type WindowChoice = 'anywhere' | PhraseWindow['from'];

interface RuleEditorProps {
  rule: RuleConfig | undefined;
  onChange: (rule: RuleConfig | undefined) => void;
  /** `sections[s].items[i].rule`, for the problems. */
  path: string;
  problems: ProblemMap;
}

/** Seconds in an InputNumber followed by 秒; an emptied box is `undefined`. */
function Seconds({
  value,
  onChange,
  placeholder,
  testId,
}: {
  value: number | undefined;
  onChange: (v: number | undefined) => void;
  placeholder?: number;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <Space.Compact>
      <InputNumber<number>
        min={0}
        step={0.5}
        value={value ?? null}
        placeholder={placeholder === undefined ? undefined : String(placeholder)}
        onChange={(v) => onChange(v ?? undefined)}
        data-testid={testId}
        style={{ width: 110 }}
      />
      <Space.Addon>{t('checklists.editor.seconds')}</Space.Addon>
    </Space.Compact>
  );
}

/** A phrase list as a tags input: type a phrase, Enter adds it; × removes it. */
function Phrases({ value, onChange, testId }: { value: string[]; onChange: (v: string[]) => void; testId: string }) {
  const { t } = useTranslation();
  return (
    <Select<string[]>
      mode="tags"
      // No list to pick from: Enter adds what was typed (not while an IME is composing), a pasted list splits by line.
      open={false}
      tokenSeparators={['\n']}
      value={value}
      onChange={(v) => onChange(v.map((p) => p.trim()).filter(Boolean))}
      placeholder={t('checklists.editor.phrasesPlaceholder')}
      suffixIcon={null}
      style={{ width: '100%' }}
      data-testid={testId}
    />
  );
}

/** The automatic check of one item: its type, phrases and thresholds, every field of RuleConfig. */
export function RuleEditor({ rule, onChange, path, problems }: RuleEditorProps) {
  const { t } = useTranslation();
  const typeLabels: Record<RuleType, string> = {
    'phrase-required': t('checklists.editor.ruleRequired'),
    'phrase-forbidden': t('checklists.editor.ruleForbidden'),
    interrupt: t('checklists.editor.ruleInterrupt'),
    silence: t('checklists.editor.ruleSilence'),
  };
  const speakerSelect = (speaker: Speaker | undefined, set: (s: Speaker) => void) => (
    <Field label={t('checklists.fields.speaker')} path={`${path}.speaker`} problems={problems}>
      <Select<Speaker>
        value={speaker ?? 'agent'}
        onChange={set}
        options={[
          { value: 'agent', label: t('checklists.editor.speakerAgent') },
          { value: 'customer', label: t('checklists.editor.speakerCustomer') },
        ]}
        style={{ width: 120 }}
        data-testid="rule-speaker"
      />
    </Field>
  );
  const homophoneFields = (r: Extract<RuleConfig, { type: 'phrase-required' | 'phrase-forbidden' }>) => (
    <>
      <Col>
        <Field label={t('checklists.fields.homophones')} path={`${path}.homophones`} problems={problems}>
          <Switch checked={r.homophones ?? true} onChange={(homophones) => onChange({ ...r, homophones })} data-testid="rule-homophones" />
        </Field>
      </Col>
      <Col>
        <Field
          label={t('checklists.fields.homophoneMinChars')}
          path={`${path}.homophoneMinChars`}
          problems={problems}
          extra={t('checklists.editor.homophoneMinCharsHint')}
        >
          <InputNumber<number>
            min={1}
            precision={0}
            value={r.homophoneMinChars ?? null}
            placeholder={r.type === 'phrase-forbidden' ? '4' : '2'}
            onChange={(v) => onChange({ ...r, homophoneMinChars: v ?? undefined })}
            disabled={r.homophones === false}
            data-testid="rule-homophone-min-chars"
          />
        </Field>
      </Col>
    </>
  );

  let body: ReactNode = null;
  if (rule?.type === 'phrase-required') {
    const windowChoice: WindowChoice = rule.window?.from ?? 'anywhere';
    const setWindow = (choice: WindowChoice, seconds?: number) =>
      onChange({
        ...rule,
        window: choice === 'anywhere' ? undefined : { from: choice, seconds: seconds ?? rule.window?.seconds ?? (choice === 'start' ? 15 : 30) },
      });
    body = (
      <>
        <Field label={t('checklists.fields.phraseGroups')} path={`${path}.phrases`} problems={problems} extra={t('checklists.editor.phraseGroupsHint')}>
          <Space orientation="vertical" style={{ width: '100%' }}>
            {rule.phrases.map((group, g) => (
              <Space.Compact key={g} style={{ width: '100%' }}>
                <Phrases
                  value={group}
                  testId={`rule-group-${g}`}
                  onChange={(phrases) => onChange({ ...rule, phrases: rule.phrases.map((old, k) => (k === g ? phrases : old)) })}
                />
                <Button
                  title={t('checklists.editor.removeGroup')}
                  disabled={rule.phrases.length === 1}
                  onClick={() => onChange({ ...rule, phrases: rule.phrases.filter((_, k) => k !== g) })}
                >
                  {t('checklists.editor.remove')}
                </Button>
              </Space.Compact>
            ))}
            <Button size="small" type="dashed" onClick={() => onChange({ ...rule, phrases: [...rule.phrases, []] })} data-testid="rule-add-group">
              {t('checklists.editor.addGroup')}
            </Button>
          </Space>
        </Field>
        <Row gutter={16} wrap>
          <Col>
            <Field label={t('checklists.fields.window')} path={`${path}.window`} problems={problems}>
              <Space.Compact>
                <Select<WindowChoice>
                  value={windowChoice}
                  onChange={(choice) => setWindow(choice)}
                  options={[
                    { value: 'anywhere', label: t('checklists.editor.windowAnywhere') },
                    { value: 'start', label: t('checklists.editor.windowStart') },
                    { value: 'end', label: t('checklists.editor.windowEnd') },
                  ]}
                  style={{ width: 130 }}
                  data-testid="rule-window"
                />
                {rule.window && (
                  <InputNumber<number>
                    min={0}
                    value={rule.window.seconds ?? null}
                    onChange={(v) => onChange({ ...rule, window: { from: rule.window!.from, seconds: v as number } })}
                    data-testid="rule-window-seconds"
                    style={{ width: 90 }}
                  />
                )}
                {rule.window && <Space.Addon>{t('checklists.editor.seconds')}</Space.Addon>}
              </Space.Compact>
            </Field>
          </Col>
          <Col>{speakerSelect(rule.speaker, (speaker) => onChange({ ...rule, speaker }))}</Col>
          {homophoneFields(rule)}
        </Row>
      </>
    );
  } else if (rule?.type === 'phrase-forbidden') {
    body = (
      <>
        <Field label={t('checklists.fields.phrases')} path={`${path}.phrases`} problems={problems} extra={t('checklists.editor.forbiddenHint')}>
          <Phrases value={rule.phrases} testId="rule-phrases" onChange={(phrases) => onChange({ ...rule, phrases })} />
        </Field>
        <Row gutter={16} wrap>
          <Col>{speakerSelect(rule.speaker, (speaker) => onChange({ ...rule, speaker }))}</Col>
          {homophoneFields(rule)}
        </Row>
      </>
    );
  } else if (rule?.type === 'interrupt') {
    body = (
      <Field label={t('checklists.fields.minOverlapSeconds')} path={`${path}.minOverlapSeconds`} problems={problems} extra={t('checklists.editor.minOverlapHint')}>
        <Seconds
          value={rule.minOverlapSeconds}
          placeholder={DEFAULT_MIN_OVERLAP_SECONDS}
          onChange={(minOverlapSeconds) => onChange({ ...rule, minOverlapSeconds })}
          testId="rule-min-overlap"
        />
      </Field>
    );
  } else if (rule?.type === 'silence') {
    body = (
      <Field label={t('checklists.fields.maxGapSeconds')} path={`${path}.maxGapSeconds`} problems={problems} extra={t('checklists.editor.maxGapHint')}>
        <Seconds
          value={rule.maxGapSeconds}
          placeholder={DEFAULT_MAX_GAP_SECONDS}
          onChange={(maxGapSeconds) => onChange({ ...rule, maxGapSeconds })}
          testId="rule-max-gap"
        />
      </Field>
    );
  }

  return (
    <div data-testid="rule-editor">
      <Field label={t('checklists.fields.rule')} path={rule ? `${path}.type` : path} problems={problems}>
        <Select<RuleType | typeof NONE>
          value={rule?.type ?? NONE}
          onChange={(type) => onChange(type === NONE ? undefined : newRule(type))}
          options={[{ value: NONE, label: t('checklists.editor.ruleNone') }, ...RULE_TYPES.map((type) => ({ value: type, label: typeLabels[type] }))]}
          style={{ width: 200 }}
          data-testid="rule-type"
        />
      </Field>
      {body}
    </div>
  );
}
