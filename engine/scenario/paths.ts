/**
 * Path arithmetic for fixture references, without Node's `path`: forward slashes, `.` and `..`
 * resolved, Windows separators accepted. Absolute paths (`/x`, `C:/x`) and URLs are kept as given.
 */
export function normalizePath(path: string): string {
  const p = path.replace(/\\/g, "/");
  const url = /^[a-z][a-z0-9+.-]*:\/\/[^/]*/i.exec(p);
  const drive = url ? null : /^[A-Za-z]:(?=\/)/.exec(p);
  const prefix = url?.[0] ?? drive?.[0] ?? "";
  const rest = p.slice(prefix.length);
  const absolute = rest.startsWith("/");
  const out: string[] = [];
  for (const part of rest.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") {
      if (out.length > 0 && out[out.length - 1] !== "..") out.pop();
      else if (!absolute) out.push("..");
      continue;
    }
    out.push(part);
  }
  const joined = out.join("/");
  if (absolute) return `${prefix}/${joined}`;
  return joined === "" ? "." : joined;
}

export function dirname(path: string): string {
  const p = normalizePath(path);
  const i = p.lastIndexOf("/");
  if (i < 0) return ".";
  if (i === 0) return "/";
  return p.slice(0, i);
}

export function isAbsolutePath(path: string): boolean {
  return /^([a-z][a-z0-9+.-]*:\/\/|[A-Za-z]:[\\/]|[\\/])/i.test(path);
}

/** `ref` as written in the file at `from`, as a path the loader understands. */
export function resolvePath(from: string, ref: string): string {
  if (isAbsolutePath(ref)) return normalizePath(ref);
  return normalizePath(`${dirname(from)}/${ref}`);
}
