/**
 * Where `pnpm dev` runs. The API listens on PORT (default 3000) and HOST, as it does for
 * `pnpm start`; the console's dev server passes /api to it there, or to API_PORT when the API runs
 * on a port of its own. The dev server itself listens on CONSOLE_PORT (default 5173).
 */
type Env = Record<string, string | undefined>;

function port(env: Env, name: string): number | undefined {
  const value = env[name];
  if (value === undefined || value === "") return undefined;
  const number = Number(value);
  if (!/^\d+$/.test(value) || number < 1 || number > 65_535) {
    throw new Error(`${name} must be a port number from 1 to 65535, not “${value}”.`);
  }
  return number;
}

/** The address the dev server sends /api and the health checks to. */
export function apiTarget(env: Env): string {
  const apiPort = port(env, "API_PORT") ?? port(env, "PORT") ?? 3000;
  const host = env.HOST?.trim();
  // An API listening on every address is reached on this machine's own.
  const address = !host || host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host;
  return `http://${address.includes(":") ? `[${address}]` : address}:${apiPort}`;
}

/**
 * The dev server's port: CONSOLE_PORT, which must then be free (the dev server stops rather than
 * move elsewhere), or 5173, where the dev server takes the next free port when 5173 is taken.
 */
export function consolePort(env: Env): { port: number; strictPort: boolean } {
  const chosen = port(env, "CONSOLE_PORT");
  return chosen === undefined ? { port: 5173, strictPort: false } : { port: chosen, strictPort: true };
}
