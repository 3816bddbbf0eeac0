/**
 * `$name.path` references to kept results. A string that is exactly one reference takes the referenced
 * value with its type (`"$so.lines.0.lineNo"` → 10000); a reference inside a longer string is
 * concatenated as text. `$$` writes a literal `$`. A reference to a name nobody kept is an error, so a
 * misspelt name fails where it is written instead of as a puzzling "no rows found".
 */
export class SubstitutionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SubstitutionError";
  }
}

const WHOLE = /^\$([A-Za-z_][A-Za-z0-9_]*)((?:\.[A-Za-z0-9_]+)*)$/;
const ANY = /\$\$|\$([A-Za-z_][A-Za-z0-9_]*)((?:\.[A-Za-z0-9_]+)*)/g;

function describe(value: unknown): string {
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (value === null) return "null";
  return typeof value;
}

/** The value at a dotted path (`lines.0.lineNo`); numeric segments index lists. */
export function valueAtPath(root: unknown, path: readonly string[], label: string): unknown {
  let v = root;
  let walked = label;
  for (const seg of path) {
    if (Array.isArray(v)) {
      if (!/^\d+$/.test(seg) || Number(seg) >= v.length)
        throw new SubstitutionError(`${walked} is a list of ${v.length}; it has no element '${seg}'.`);
      v = v[Number(seg)];
    } else if (v !== null && typeof v === "object") {
      if (!Object.prototype.hasOwnProperty.call(v, seg)) {
        const keys = Object.keys(v);
        throw new SubstitutionError(
          `${walked} has no field '${seg}'${keys.length ? ` (it has ${keys.join(", ")})` : ""}.`,
        );
      }
      v = (v as Record<string, unknown>)[seg];
    } else {
      throw new SubstitutionError(`${walked} is ${describe(v)}; it has no field '${seg}'.`);
    }
    walked = `${walked}.${seg}`;
  }
  return v;
}

function lookup(kept: ReadonlyMap<string, unknown>, name: string, path: string): unknown {
  if (!kept.has(name)) {
    const names = [...kept.keys()];
    throw new SubstitutionError(
      `'$${name}${path}': no result was kept as '${name}'${names.length ? ` (kept: ${names.join(", ")})` : " (nothing kept yet)"}.`,
    );
  }
  const segs = path === "" ? [] : path.slice(1).split(".");
  return valueAtPath(kept.get(name), segs, `$${name}`);
}

export function substituteString(text: string, kept: ReadonlyMap<string, unknown>): unknown {
  const whole = WHOLE.exec(text);
  if (whole) return lookup(kept, whole[1]!, whole[2] ?? "");
  if (!text.includes("$")) return text;
  return text.replace(ANY, (match: string, name: string | undefined, path: string | undefined) => {
    if (match === "$$") return "$";
    const v = lookup(kept, name!, path ?? "");
    if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return String(v);
    throw new SubstitutionError(
      `'${match}' is ${describe(v)}; only text, numbers and booleans can be embedded in a text.`,
    );
  });
}

/** Substitutes references in every string value of a JSON value (object keys are left alone). */
export function substitute<T>(value: T, kept: ReadonlyMap<string, unknown>): T {
  if (typeof value === "string") return substituteString(value, kept) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => substitute(v, kept)) as T;
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = substitute(v, kept);
    return out as T;
  }
  return value;
}
