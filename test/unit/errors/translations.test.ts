import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES, FIELD_PROBLEMS } from '#shared/api/errors.js';
import { CHECKLIST_PROBLEM_CODES } from '#shared/checklists/validate.js';
import { zhCN } from '#web/i18n/zh-CN.js';

// en.ts imports zh-CN the web's way (no extension), which the server's type check cannot follow: load it at run time.
const EN_MODULE = '../../../web/src/i18n/en.ts';
const { en } = (await import(/* @vite-ignore */ EN_MODULE)) as { en: typeof zhCN };

/**
 * The web says every error in the user's language from its code: each code the server sends has a
 * sentence in both languages, and the Chinese ones hold no English (but for names like JSON, CSV, N/A).
 */
const LANGUAGES = { 'zh-CN': zhCN, en } as const;
const lookup = (root: object, path: string): unknown => path.split('.').reduce<unknown>((at, key) => (at as Record<string, unknown> | undefined)?.[key], root);
// FAQ is how Chinese call centres name it (the role is「FAQ 维护」in the menu too), like CSV and JSON.
const ALLOWED_LATIN = /\b(?:HTTP|JSON|CSV|FAQ|N\/A)\b/g;
// `$t(rectification.statuses.{{status}})` shows another key's (Chinese) sentence, not its English name.
const NESTED = /\$t\([\w.{}-]+\)/g;

const keys = [
  ...ERROR_CODES.map((code) => `errors.${code}`),
  ...FIELD_PROBLEMS.map((code) => `errors.detail.${code}`),
  ...CHECKLIST_PROBLEM_CODES.map((code) => `checklists.problems.${code}`),
];

describe('error translations', () => {
  it.each(Object.entries(LANGUAGES))('has a sentence in %s for every error code, field problem and checklist problem', (_language, strings) => {
    const missing = keys.filter((key) => typeof lookup(strings, key) !== 'string' || !(lookup(strings, key) as string).trim());
    expect(missing).toEqual([]);
  });

  it('speaks Chinese in Chinese: no English words in the error sentences', () => {
    const english = keys.filter((key) =>
      /[A-Za-z]{3,}/.test(
        (lookup(zhCN, key) as string)
          .replace(NESTED, '')
          .replace(/\{\{\w+\}\}/g, '')
          .replace(ALLOWED_LATIN, ''),
      ),
    );
    expect(english).toEqual([]);
  });

  it('names only keys that exist when it nests another sentence', () => {
    const nested = (s: string) => [...s.matchAll(/\$t\(([\w.-]+)\.\{\{\w+\}\}\)/g)].map((m) => m[1]);
    const broken = Object.entries(LANGUAGES).flatMap(([language, strings]) =>
      keys.flatMap((key) =>
        nested(lookup(strings, key) as string)
          .filter((prefix) => typeof lookup(strings, prefix) !== 'object')
          .map((prefix) => `${language} ${key}: ${prefix}`),
      ),
    );
    expect(broken).toEqual([]);
  });

  it('says a refused step of a notice with the status and step in words, in Chinese', async () => {
    const i18n = i18next.createInstance();
    await i18n.init({ lng: 'zh-CN', resources: { 'zh-CN': { translation: zhCN } }, interpolation: { escapeValue: false } });
    expect(i18n.t('errors.RECTIFICATION_STATE', { status: 'closed', action: 'acknowledge' })).toBe('整改通知书当前为“已关闭”，现在不能“班长确认”');
  });

  it('fills in the same params in both languages', () => {
    const params = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    const differ = keys.filter((key) => params(lookup(zhCN, key) as string).join() !== params(lookup(en, key) as string).join());
    expect(differ).toEqual([]);
  });
});
