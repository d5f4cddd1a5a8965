import { describe, expect, it } from 'vitest';
import { AhoCorasick } from '#shared/text/aho-corasick.js';
import { normalise, originalRange } from '#shared/text/normalise.js';
import { phraseSoundVariants, soundString, syllableOfCode, syllables, toneless } from '#shared/text/pinyin.js';

describe('normalise', () => {
  it('folds Traditional to Simplified', () => {
    expect(normalise('您好，謝謝，再見').text).toBe('您好谢谢再见');
    expect(normalise('這事不歸我們管').text).toBe('这事不归我们管');
    expect(normalise('著').text).toBe('着'); // a Taiwan form the hk converter leaves alone
  });
  it('folds full width, lower-cases latin, drops punctuation, symbols and spaces', () => {
    expect(normalise('「您 好！」').text).toBe('您好');
    expect(normalise('ＡＢＣ１２３').text).toBe('abc123');
    expect(normalise('Hello, World!\t\n~ ★ 😀').text).toBe('helloworld');
    expect(normalise('谢\u200b谢').text).toBe('谢谢'); // zero-width space from ASR output
  });
  it('maps every normalised character back to its original index', () => {
    const { text, map } = normalise('「您 好！」謝謝');
    expect(text).toBe('您好谢谢');
    expect(map).toEqual([1, 3, 6, 7]);
    expect(originalRange(map, 0, 2)).toEqual([1, 4]);
    expect(originalRange(map, 2, 4)).toEqual([6, 8]);
  });
  it('maps expansions to the character they came from', () => {
    const { text, map } = normalise('a㍻b');
    expect(text).toBe('a平成b');
    expect(map).toEqual([0, 1, 1, 2]);
    expect(originalRange(map, 1, 3)).toEqual([1, 2]);
  });
  it('keeps astral characters and covers both halves of a pair', () => {
    const original = 'x𠮷y';
    const { text, map } = normalise(original);
    expect(text).toBe('x𠮷y');
    expect(originalRange(map, 1, 3, original)).toEqual([1, 3]);
    expect(originalRange(map, 1, 2, original)).toEqual([1, 3]);
  });
  it('drops lone surrogates', () => {
    expect(normalise('a\ud800b').text).toBe('ab');
  });
  it('handles long texts beyond the scratch buffer size', () => {
    const long = '您好，'.repeat(5000);
    const { text, map } = normalise(long);
    expect(text.length).toBe(10000);
    expect(map[9999]).toBe(14998);
  });
});

describe('pinyin', () => {
  it('gives toneless pinyin per character, non-Han characters as themselves', () => {
    expect(syllables('再见a1')).toEqual(['zai', 'jian', 'a', '1']);
    expect(toneless('在')).toBe('zai');
  });
  it('makes homophones sound alike', () => {
    expect(soundString('在见')).toBe(soundString('再见'));
    expect(soundString('谢邪')).toBe(soundString('谢谢'));
    expect(soundString('再见')).not.toBe(soundString('再来'));
    expect([...soundString('再见')].map((c) => syllableOfCode(c.charCodeAt(0)))).toEqual(['zai', 'jian']);
  });
  it('adds the in-context reading of a polyphone', () => {
    const variants = phraseSoundVariants('讲过了吗');
    expect(variants).toContain(soundString('讲过了吗'));
    expect(variants).toContain(soundString('讲过乐吗')); // 了 read le in context, liao alone
  });
});

describe('AhoCorasick', () => {
  it('finds every occurrence, overlapping ones too', () => {
    const ac = new AhoCorasick(['he', 'she', 'his', 'hers']);
    const found = ac.search('ushers').map((m) => [m.patternIndex, m.start, m.end]);
    expect(found).toEqual([
      [1, 1, 4],
      [0, 2, 4],
      [3, 2, 6],
    ]);
  });
  it('matches Chinese phrases and repeated ones', () => {
    const ac = new AhoCorasick(['谢谢', '谢谢谢', '请']);
    expect(ac.search('请谢谢谢谢').map((m) => `${m.patternIndex}@${m.start}`)).toEqual([
      '2@0',
      '0@1',
      '1@1',
      '0@2',
      '1@2',
      '0@3', // by end, the longest first
    ]);
  });
  it('ignores empty patterns and finds nothing in unrelated text', () => {
    const ac = new AhoCorasick(['', 'abc']);
    expect(ac.search('xyz')).toEqual([]);
    expect(ac.search('abcabc').map((m) => m.start)).toEqual([0, 3]);
  });
  it('agrees with a naive search on random texts', () => {
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    const alphabet = '您好谢请再见ab';
    const pick = (n: number) => Array.from({ length: n }, () => alphabet[Math.floor(rand() * alphabet.length)]).join('');
    const patterns = Array.from({ length: 30 }, () => pick(1 + Math.floor(rand() * 4)));
    const ac = new AhoCorasick(patterns);
    for (let t = 0; t < 50; t++) {
      const text = pick(60);
      const expected: string[] = [];
      patterns.forEach((p, i) => {
        for (let at = text.indexOf(p); at >= 0; at = text.indexOf(p, at + 1)) expected.push(`${i}:${at}`);
      });
      const actual = ac.search(text).map((m) => `${m.patternIndex}:${m.start}`);
      expect(actual.sort()).toEqual(expected.sort());
    }
  });
});
