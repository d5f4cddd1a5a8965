import { nextQuarter, quarterOf } from '#shared/kpi/grades';

/** The centre's current quarter by the browser's clock. */
export const currentQuarter = (now = new Date()) =>
  quarterOf(`${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`);

/** `count` quarters from `first` on. */
export function quartersFrom(first: string, count: number): string[] {
  const out = [first];
  while (out.length < count) out.push(nextQuarter(out.at(-1)!));
  return out;
}
