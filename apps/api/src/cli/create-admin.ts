/**
 * Creates the first admin of a database that has no demo world:
 *   pnpm create-admin --username ada --name "Ada Lovelace" < password-file
 * The password is read from standard input, never from the command line: piped, its first line;
 * typed at a terminal, without showing it, and asked twice. The database is opened first, so a
 * data folder another process holds is reported before anyone types a password.
 */
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { eq } from "drizzle-orm";
import { appendAuditEvent, SYSTEM_ACTOR } from "../audit/append.ts";
import { openPostgres } from "../db/client.ts";
import { openEmbeddedOrExit } from "../db/open-embedded-or-exit.ts";
import { staff } from "../db/schema/index.ts";
import { loadEnv } from "../env.ts";
import { newId } from "../lib/ids.ts";
import { hashSecret } from "../security/hashing.ts";

const MIN_PASSWORD = 12;

const { values } = parseArgs({
  options: { username: { type: "string" }, name: { type: "string" } },
  allowPositionals: false,
});
if (!values.username || !/^[a-z0-9._-]{3,50}$/i.test(values.username) || !values.name?.trim()) {
  console.error(
    'Usage: pnpm create-admin --username <3-50 letters, digits, . _ -> --name "<display name>" (password on standard input)',
  );
  process.exit(2);
}

/** Ends the command without creating anyone: `message` on standard error, exit code `code`. */
class Stop extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

const cancelled = (code: number) => new Stop(code, "Cancelled; nobody was created.");

/** The first line of piped standard input. */
async function readLine(): Promise<string> {
  const lines = createInterface({ input: process.stdin, terminal: false });
  for await (const line of lines) {
    lines.close();
    return line;
  }
  return "";
}

/**
 * Reads a line typed at the terminal without showing it (raw mode: no echo, keys as they come).
 * Enter ends it; Backspace takes back a character and Ctrl-U the whole line; Ctrl-C cancels
 * (exit 130), and so do Ctrl-D and the end of input (exit 1); other control keys and escape
 * sequences (arrows) are ignored.
 */
function readHidden(prompt: string): Promise<string> {
  const input = process.stdin;
  // No echo from here on: only then the prompt, so nothing typed right after it shows.
  input.setRawMode(true);
  process.stderr.write(prompt);
  return new Promise((resolve, reject) => {
    let typed: string[] = [];
    let inEscape: "none" | "start" | "sequence" = "none";
    const done = () => {
      input.off("data", onData);
      input.off("end", onEnd);
      input.setRawMode(false);
      input.pause();
      process.stderr.write("\n");
    };
    const onEnd = () => {
      done();
      reject(cancelled(1));
    };
    const onData = (chunk: string) => {
      for (const key of chunk) {
        if (inEscape === "start") {
          inEscape = key === "[" || key === "O" ? "sequence" : "none";
          continue;
        }
        if (inEscape === "sequence") {
          if (/[A-Za-z~]/.test(key)) inEscape = "none";
          continue;
        }
        if (key === "\r" || key === "\n") {
          done();
          resolve(typed.join(""));
          return;
        }
        if (key === "\u0003" || key === "\u0004") {
          done();
          reject(cancelled(key === "\u0003" ? 130 : 1));
          return;
        }
        if (key === "\u007f" || key === "\b") typed = typed.slice(0, -1);
        else if (key === "\u0015") typed = [];
        else if (key === "\u001b") inEscape = "start";
        else if (key >= " ") typed.push(key);
      }
    };
    input.setEncoding("utf8");
    input.resume();
    input.on("data", onData);
    input.once("end", onEnd);
  });
}

async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) return readLine();
  const first = await readHidden(`Password for ${values.username} (at least ${MIN_PASSWORD} characters, not shown): `);
  if (first.length < MIN_PASSWORD) return first;
  const again = await readHidden("The same password again: ");
  if (again !== first) throw new Stop(2, "The two passwords differ; nobody was created.");
  return first;
}

const env = loadEnv();
const database = env.DATABASE_URL
  ? await openPostgres({ url: env.DATABASE_URL, max: 1 })
  : await openEmbeddedOrExit(env.DATA_DIR, "create-admin");
try {
  const password = await readPassword();
  if (password.length < MIN_PASSWORD || password.length > 200) {
    throw new Stop(2, `The password must be ${MIN_PASSWORD} to 200 characters long.`);
  }
  await database.migrate();
  const [taken] = await database.db.select({ id: staff.id }).from(staff).where(eq(staff.username, values.username));
  if (taken) {
    console.error(`A staff member named ${values.username} already exists.`);
    process.exitCode = 1;
  } else {
    const now = new Date();
    const id = newId("staff");
    const passwordHash = await hashSecret(password);
    await database.db.transaction(async (tx) => {
      await tx.insert(staff).values({
        id,
        username: values.username as string,
        displayName: (values.name as string).trim(),
        role: "admin",
        passwordHash,
        createdAt: now,
        updatedAt: now,
      });
      await appendAuditEvent(tx, {
        at: now,
        actor: { ...SYSTEM_ACTOR, name: "create-admin command" },
        action: "staff.created",
        origin: { requestId: null, ip: null },
        details: { staffId: id, username: values.username, role: "admin" },
      });
    });
    console.error(`Created admin ${values.username}.`);
  }
} catch (error) {
  if (!(error instanceof Stop)) throw error;
  console.error(error.message);
  process.exitCode = error.code;
} finally {
  await database.close();
}
