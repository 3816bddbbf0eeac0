import { existsSync, readFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";

/**
 * HTTPS for the dev server only when asked (LEDGERPANE_HTTPS=1): Office desktop needs it, but
 * creating and trusting dev certificates (`npx office-addin-dev-certs install`) calls sudo, which a
 * plain `npm start` must never do.
 */
export function httpsOptions(): { key: Buffer; cert: Buffer; ca?: Buffer } | undefined {
  if (process.env.LEDGERPANE_HTTPS !== "1") return undefined;
  const dir = join(homedir(), ".office-addin-dev-certs");
  const key = join(dir, "localhost.key");
  const cert = join(dir, "localhost.crt");
  const ca = join(dir, "ca.crt");
  if (!existsSync(key) || !existsSync(cert))
    throw new Error(
      `LEDGERPANE_HTTPS=1 needs dev certificates in ${dir}. Create and trust them once with ` +
        "`npx office-addin-dev-certs install` (it asks for administrator rights).",
    );
  return {
    key: readFileSync(key),
    cert: readFileSync(cert),
    ...(existsSync(ca) ? { ca: readFileSync(ca) } : {}),
  };
}
