/**
 * A decimal's text reduced to what it denotes (sign, significant digits, power of ten), so two texts can be compared
 * as numbers without going through a double: typed values (fieldText.ts) and exported cells (src/app/notebook/
 * numberText.ts) both ask "does the double hold this decimal exactly?". No imports: the XLSX writer's bundle uses it.
 */
export interface CanonicalDecimal {
  negative: boolean;
  /** Significant digits, no leading or trailing zeros; empty for zero. */
  digits: string;
  /** Power of ten of the last digit: `120.50` → digits `1205`, exponent -1. */
  exponent: number;
}

/** `[+-]digits[.digits][e±n]` as a CanonicalDecimal; undefined for any other text. */
export function canonicalDecimal(text: string): CanonicalDecimal | undefined {
  const match = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text);
  if (!match || (match[2] === '' && !match[3])) return undefined;
  const fraction = match[3] ?? '';
  const all = `${match[2]}${fraction}`.replace(/^0+/, '');
  const digits = all.replace(/0+$/, '');
  if (digits === '') return { negative: false, digits: '', exponent: 0 };
  return { negative: match[1] === '-', digits, exponent: Number(match[4] ?? 0) - fraction.length + (all.length - digits.length) };
}

/** Whether two decimal texts denote the same number (`1.50` and `1.5e0` do; `0.1` and `0.10000000000000001` do not). */
export function sameDecimal(a: string, b: string): boolean {
  const x = canonicalDecimal(a);
  const y = canonicalDecimal(b);
  return x !== undefined && y !== undefined && x.negative === y.negative && x.digits === y.digits && x.exponent === y.exponent;
}
