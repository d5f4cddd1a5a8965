import { Button, Input, Space } from 'antd';
import { type CSSProperties, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A text filter applied on Enter, on the search button, or when cleared (not on every keystroke).
 * The test id sits on the <input> itself, so scripts and tests can type into it.
 */
export function SearchInput({
  id,
  testId,
  value,
  placeholder,
  onSearch,
  style,
  inputMode,
}: {
  id: string;
  testId: string;
  value?: string;
  placeholder: string;
  onSearch: (value: string | undefined) => void;
  style?: CSSProperties;
  inputMode?: 'text' | 'tel' | 'numeric';
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(value ?? '');
  useEffect(() => setDraft(value ?? ''), [value]);
  const commit = (text: string) => onSearch(text.trim() || undefined);
  return (
    <Space.Compact style={style}>
      <Input
        id={id}
        data-testid={testId}
        allowClear
        inputMode={inputMode}
        placeholder={placeholder}
        value={draft}
        onChange={(e) => {
          setDraft(e.target.value);
          // The clear icon empties the field: drop the filter at once.
          if (e.type !== 'change' && e.target.value === '') commit('');
        }}
        onPressEnter={() => commit(draft)}
      />
      <Button data-testid={`${testId}-submit`} onClick={() => commit(draft)}>
        {t('common.search')}
      </Button>
    </Space.Compact>
  );
}
