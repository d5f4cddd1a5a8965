import type { Role } from './org.js';
import { can } from './permissions.js';

/**
 * The one masking of customer numbers for roles without `recording.unmask` (DOMAIN.md
 * confidentiality): at most the last 4 digits of a number show, whatever its length, and every run of
 * 7 or more digits inside free text (transcripts, externalIds, comments) is masked the same way.
 */

/** A run of digits long enough to be a phone number: 7+ digits, ASCII or full-width, single spaces or dashes between. */
const DIGIT_RUN = /[0-9\uFF10-\uFF19](?:[ -]?[0-9\uFF10-\uFF19]){6,}/g;
const DIGIT = /[0-9\uFF10-\uFF19]/;

/** Hides every digit but the last 4 (all of them under 7 digits); other characters stay. */
function maskDigits(text: string): string {
  const digits = [...text].filter((c) => DIGIT.test(c)).length;
  const shown = digits >= 7 ? 4 : 0;
  let seen = 0;
  return [...text].map((c) => (DIGIT.test(c) ? (++seen > digits - shown ? c : '*') : c)).join('');
}

/** 13812345678 → *******5678, 62345678 → ****5678, 1234567 → ***4567; under 7 digits every digit is hidden. */
export function maskPhoneNumber(number: string | null | undefined): string | null {
  if (!number) return number ?? null;
  return maskDigits(number);
}

/** 我的号码是13812345678 → 我的号码是*******5678: every run of 7+ digits, the last 4 kept. */
export function maskDigitRuns(text: string): string;
export function maskDigitRuns(text: string | null): string | null;
export function maskDigitRuns(text: string | null): string | null {
  if (!text) return text;
  return text.replace(DIGIT_RUN, (run) => maskDigits(run));
}

/**
 * What a response shows of free text to this caller: itself for who may unmask, digit runs masked for
 * everyone else. Mappers take one of these, rather than deciding field by field.
 */
export interface Masker {
  masked: boolean;
  /** A customer number. */
  number(value: string | null): string | null;
  /** Free text: transcript, externalId, comment. */
  text(value: string): string;
  text(value: string | null): string | null;
}

const identity = <T>(v: T) => v;

export function masker(masked: boolean): Masker {
  return masked ? { masked, number: maskPhoneNumber, text: maskDigitRuns as Masker['text'] } : { masked, number: identity, text: identity as Masker['text'] };
}

/** The masker for a caller with these roles: unmasked only with `recording.unmask`. */
export const maskerFor = (roles: readonly Role[] | undefined): Masker => masker(!can(roles, 'recording.unmask'));
