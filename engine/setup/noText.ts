/**
 * Number texts of a number series: a prefix, a run of digits (the rightmost one) and an optional
 * suffix. Incrementing keeps the zero padding ("IJ00009" → "IJ00010"); comparing two numbers with the
 * same prefix and suffix compares their numeric parts, so "SO10000" comes after "SO9999".
 */
export interface NoParts {
  prefix: string;
  digits: string;
  suffix: string;
}

export const MAX_NO_LENGTH = 20;

export function splitNo(no: string): NoParts | null {
  const m = /^(.*?)(\d+)(\D*)$/.exec(no);
  if (!m) return null;
  return { prefix: m[1]!, digits: m[2]!, suffix: m[3]! };
}

export function endsInNumber(no: string): boolean {
  return /\d$/.test(no);
}

/** `no` with its numeric part increased by `by`, keeping at least as many digits as before. */
export function incrementNo(no: string, by: number): string {
  const parts = splitNo(no);
  if (!parts) return no;
  const next = (BigInt(parts.digits) + BigInt(by)).toString().padStart(parts.digits.length, "0");
  return `${parts.prefix}${next}${parts.suffix}`;
}

/** Same prefix, suffix and length: the numbers belong to the same range. */
export function sameShape(a: string, b: string): boolean {
  const pa = splitNo(a);
  const pb = splitNo(b);
  return (
    pa !== null &&
    pb !== null &&
    pa.prefix === pb.prefix &&
    pa.suffix === pb.suffix &&
    pa.digits.length === pb.digits.length
  );
}

/** Negative when a comes before b. Numeric on the digits when prefix and suffix agree, text order otherwise. */
export function compareNos(a: string, b: string): number {
  const pa = splitNo(a);
  const pb = splitNo(b);
  if (pa && pb && pa.prefix === pb.prefix && pa.suffix === pb.suffix) {
    const x = BigInt(pa.digits);
    const y = BigInt(pb.digits);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}
