import 'i18next';
import type { zhCN } from './zh-CN';

// Typed keys: t('nav.agnets') fails the type check.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof zhCN };
  }
}
