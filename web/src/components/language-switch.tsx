import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { type Language, setLanguage } from '#web/i18n';

const OPTIONS: { label: string; value: Language }[] = [
  { label: '中文', value: 'zh-CN' },
  { label: 'English', value: 'en' },
];

/** 中文 / English, each named in its own language; the choice is remembered in localStorage qa.lang. */
export function LanguageSwitch() {
  const { i18n, t } = useTranslation();
  return (
    <Segmented<Language>
      data-testid="lang-switch"
      aria-label={t('language.label')}
      size="small"
      options={OPTIONS}
      value={i18n.resolvedLanguage === 'en' ? 'en' : 'zh-CN'}
      onChange={setLanguage}
    />
  );
}
