import { describe, expect, it } from 'vitest';
import { DEFAULT_CHECKLIST } from '#shared/checklists/default-checklist.js';
import { type ChecklistProblem, checklistProblemMessage, validateChecklist } from '#shared/checklists/validate.js';

/** The default checklist with one change made by `spoil`. */
function spoilt(spoil: (sections: any[]) => void): unknown {
  const sections = structuredClone(DEFAULT_CHECKLIST) as any[];
  spoil(sections);
  return sections;
}

const forbidden = (s: any[]) => s[0].items.find((i: any) => i.code === 'FORBIDDEN');

describe('validateChecklist', () => {
  it('finds nothing wrong with the default checklist', () => {
    expect(validateChecklist(DEFAULT_CHECKLIST)).toEqual([]);
  });

  it.each<[string, unknown, ChecklistProblem[]]>([
    ['no sections', [], [{ field: 'sections', code: 'sectionsEmpty' }]],
    ['not a list', 'A 服务态度', [{ field: 'sections', code: 'sectionsEmpty' }]],
    ['a section that is not an object', spoilt((s) => (s[1] = null)), [{ field: 'sections[1]', code: 'notObject' }]],
    ['an empty section title', spoilt((s) => (s[0].title = '  ')), [{ field: 'sections[0].title', code: 'empty' }]],
    ['a section without items', spoilt((s) => (s[1].items = [])), [{ field: 'sections[1].items', code: 'noItems' }]],
    ['a lower-case code', spoilt((s) => (s[0].items[0].code = 'greeting')), [{ field: 'sections[0].items[0].code', code: 'codeFormat', params: { max: 32 } }]],
    [
      'a code used twice',
      spoilt((s) => (s[1].items[0].code = 'GREETING')),
      [{ field: 'sections[1].items[0].code', code: 'codeUsedTwice', params: { code: 'GREETING' } }],
    ],
    ['an empty item title', spoilt((s) => (s[0].items[2].title = '')), [{ field: 'sections[0].items[2].title', code: 'empty' }]],
    ['guidance that is not text', spoilt((s) => (s[0].items[0].guidance = 5)), [{ field: 'sections[0].items[0].guidance', code: 'notText' }]],
    ['points over 100', spoilt((s) => (s[0].items[0].points = 101)), [{ field: 'sections[0].items[0].points', code: 'pointsRange', params: { min: 0, max: 100 } }]],
    ['critical as a string', spoilt((s) => (s[0].items[0].critical = 'yes')), [{ field: 'sections[0].items[0].critical', code: 'notBoolean' }]],
    ['an unknown item field', spoilt((s) => (s[0].items[0].weight = 2)), [{ field: 'sections[0].items[0].weight', code: 'unknownField', params: { name: 'weight' } }]],
    ['no item with points', spoilt((s) => s.forEach((section) => section.items.forEach((i: any) => (i.points = 0)))), [{ field: 'sections', code: 'noPoints' }]],
    ['a rule speaker "robot"', spoilt((s) => (forbidden(s).rule.speaker = 'robot')), [{ field: 'sections[0].items[4].rule.speaker', code: 'speaker' }]],
    [
      'homophones from 0 characters',
      spoilt((s) => (forbidden(s).rule.homophoneMinChars = 0)),
      [{ field: 'sections[0].items[4].rule.homophoneMinChars', code: 'positive' }],
    ],
    [
      'an empty forbidden list',
      spoilt((s) => (forbidden(s).rule.phrases = [])),
      [{ field: 'sections[0].items[4].rule.phrases', code: 'phrases', params: { maxLength: 100 } }],
    ],
    [
      'an empty group of required phrases',
      spoilt((s) => (s[0].items[0].rule.phrases = [[]])),
      [{ field: 'sections[0].items[0].rule.phrases', code: 'phraseGroups', params: { maxLength: 100 } }],
    ],
    [
      'a window from the middle',
      spoilt((s) => (s[0].items[0].rule.window = { from: 'middle', seconds: 5 })),
      [{ field: 'sections[0].items[0].rule.window', code: 'window' }],
    ],
    [
      'a silence of 0 s',
      spoilt((s) => (s[0].items.find((i: any) => i.code === 'SILENCE').rule.maxGapSeconds = 0)),
      [{ field: 'sections[0].items[10].rule.maxGapSeconds', code: 'seconds' }],
    ],
    [
      'an unknown rule type',
      spoilt((s) => (s[0].items[0].rule = { type: 'magic' })),
      [{ field: 'sections[0].items[0].rule.type', code: 'ruleType', params: { types: 'phrase-required, phrase-forbidden, interrupt, silence' } }],
    ],
    ['fillers as a word', spoilt((s) => (forbidden(s).rule.fillers = 'yes')), [{ field: 'sections[0].items[4].rule.fillers', code: 'notBoolean' }]],
    ['stutters as a number', spoilt((s) => (s[0].items[0].rule.stutters = 1)), [{ field: 'sections[0].items[0].rule.stutters', code: 'notBoolean' }]],
    [
      'across segments as a string',
      spoilt((s) => (forbidden(s).rule.acrossSegments = 'true')),
      [{ field: 'sections[0].items[4].rule.acrossSegments', code: 'notBoolean' }],
    ],
    ['fuzzy forbidden phrases', spoilt((s) => (forbidden(s).rule.fuzzy = true)), [{ field: 'sections[0].items[4].rule.fuzzy', code: 'notForForbidden' }]],
    [
      'an empty filler word',
      spoilt((s) => (forbidden(s).rule.fillerWords = ['呃', ' '])),
      [{ field: 'sections[0].items[4].rule.fillerWords', code: 'fillerWords', params: { max: 20, maxLength: 4 } }],
    ],
    [
      'a filler list that is not a list',
      spoilt((s) => (s[0].items[0].rule.fillerWords = '呃嗯')),
      [{ field: 'sections[0].items[0].rule.fillerWords', code: 'fillerWords', params: { max: 20, maxLength: 4 } }],
    ],
    [
      'a cross-segment gap of 30 s',
      spoilt((s) => (s[0].items[0].rule.acrossSegmentsMaxGapSeconds = 30)),
      [{ field: 'sections[0].items[0].rule.acrossSegmentsMaxGapSeconds', code: 'seconds' }],
    ],
  ])('answers a code with its params for %s', (_title, sections, problems) => {
    expect(validateChecklist(sections)).toEqual(problems);
  });

  it('takes every tolerance switch on phrase rules, fuzzy only on required ones', () => {
    const sections = spoilt((s) => {
      Object.assign(s[0].items[0].rule, {
        fillers: false,
        fillerWords: ['呃', '那个'],
        stutters: false,
        acrossSegments: true,
        acrossSegmentsMaxGapSeconds: 1.5,
        fuzzy: false,
      });
      Object.assign(forbidden(s).rule, { fillers: true, stutters: true, acrossSegments: false, fuzzy: false });
    });
    expect(validateChecklist(sections)).toEqual([]);
  });

  it('says each problem in English for the server’s message, with its params filled in', () => {
    expect(checklistProblemMessage({ field: 'sections[1].items[0].code', code: 'codeUsedTwice', params: { code: 'GREETING' } })).toBe('GREETING is used twice');
    expect(checklistProblemMessage({ field: 'x', code: 'pointsRange', params: { min: 0, max: 100 } })).toBe('must be a number from 0 to 100');
    expect(checklistProblemMessage({ field: 'x', code: 'codeFormat', params: { max: 32 } })).toContain('1–32');
  });
});
