import { describe, expect, it } from 'vitest';
import { maskDigitRuns, maskPhoneNumber, masker } from '#shared/masking.js';

describe('maskPhoneNumber: at most the last 4 digits show, whatever the length', () => {
  it.each([
    ['an 11-digit mobile', '13812345678', '*******5678'],
    ['a 7-digit number', '1234567', '***4567'],
    ['an 8-digit landline', '62345678', '****5678'],
    ['a landline with its area code', '01062345678', '*******5678'],
    ['an international number keeps its +', '+8613812345678', '+*********5678'],
    ['a short number hides every digit', '95588', '*****'],
    ['a 6-digit number hides every digit', '123456', '******'],
    ['null stays null', null, null],
    ['empty stays empty', '', ''],
  ])('%s: %s → %s', (_title, number, masked) => {
    expect(maskPhoneNumber(number)).toBe(masked);
  });

  it.each(['1234567', '62345678', '13812345678', '008613812345678'])('never shows more than 4 digits of %s', (n) => {
    expect(maskPhoneNumber(n)!.replace(/\D/g, '').length).toBeLessThanOrEqual(4);
  });
});

describe('maskDigitRuns: every run of 7+ digits in free text', () => {
  it.each([
    ['a mobile in a transcript', '我的号码是13812345678', '我的号码是*******5678'],
    ['two numbers', '打13812345678或者62345678', '打*******5678或者****5678'],
    ['spaced and dashed numbers', '号码 138 1234 5678，座机010-6234-5678', '号码 *** **** 5678，座机***-****-5678'],
    ['full-width digits', '１３８１２３４５６７８', '*******５６７８'],
    ['an externalId with a number inside', 'CALL_13812345678_A', 'CALL_*******5678_A'],
    ['runs under 7 digits stay', '工号 123456，金额 300 元', '工号 123456，金额 300 元'],
    ['text without digits', '您好，请问有什么可以帮您', '您好，请问有什么可以帮您'],
  ])('%s', (_title, text, masked) => {
    expect(maskDigitRuns(text)).toBe(masked);
  });
});

describe('masker', () => {
  it('masks for a masked role and passes everything through otherwise', () => {
    expect(masker(true).text('13812345678')).toBe('*******5678');
    expect(masker(true).number('13812345678')).toBe('*******5678');
    expect(masker(false).text('13812345678')).toBe('13812345678');
    expect(masker(false).number('13812345678')).toBe('13812345678');
  });
});
