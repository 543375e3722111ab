import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, afterEach, describe, expect, inject, it, vi } from "vitest";
import { readyOrExit, type ServerProcess, spawnServer } from "../test/server-process.ts";
import { DataDirInUseError, LOCK_FILE, type LockHolder, lockDataDir } from "./data-dir-lock.ts";

/** Set to make hard links fail, as on a filesystem without them (some network and FAT filesystems). */
const links = vi.hoisted(() => ({ fail: false }));
vi.mock("node:fs", async (importOriginal) => {
  const fs = await importOriginal<typeof import("node:fs")>();
  const linkSync: typeof fs.linkSync = (existing, path) => {
    if (links.fail)
      throw Object.assign(new Error(`EPERM: operation not permitted, link '${existing}'`), { code: "EPERM" });
    fs.linkSync(existing, path);
  };
  return { ...fs, default: { ...fs, linkSync }, linkSync };
});
afterEach(() => {
  links.fail = false;
  vi.useRealTimers();
});

const API_ROOT = fileURLToPath(new URL("../../", import.meta.url));
const folders: string[] = [];
const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

function freshFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), "rd-lock-"));
  folders.push(folder);
  return folder;
}

function writeLock(folder: string, holder: Partial<LockHolder>, file = LOCK_FILE): void {
  const lock = { host: hostname(), token: "someone-else", since: new Date().toISOString(), ...holder };
  writeFileSync(join(folder, file), JSON.stringify(lock));
}

/** Sets a file's modification time to `seconds` ago, as if its holder last refreshed it then. */
function lastRefreshed(path: string, seconds: number): void {
  const then = new Date(Date.now() - seconds * 1000);
  utimesSync(path, then, then);
}

/** The pid of a process that has run and gone. */
function deadPid(): number {
  const pid = spawnSync("true").pid;
  if (!pid) throw new Error("no pid");
  return pid;
}

function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once("exit", (code) => resolve(code)));
}

// Lock files and processes: the same on either database, so only the embedded project runs them.
describe.runIf(inject("testDatabase").kind === "pglite")("the data folder lock", () => {
  it("is held by one holder at a time and can be taken again once released", () => {
    const folder = freshFolder();
    const lock = lockDataDir(folder);
    const held = JSON.parse(readFileSync(join(folder, LOCK_FILE), "utf8")) as LockHolder;
    expect(held).toMatchObject({ pid: process.pid, host: hostname() });

    expect(() => lockDataDir(folder)).toThrow(DataDirInUseError);
    expect(() => lockDataDir(folder)).toThrow(`The data folder ${folder} is in use`);
    expect(() => lockDataDir(folder)).toThrow(`(pid ${process.pid})`);

    lock.release();
    lock.release();
    expect(existsSync(join(folder, LOCK_FILE))).toBe(false);
    lockDataDir(folder).release();
  });

  it("takes over a lock left by a process that has gone, and by an earlier process with this pid", () => {
    const folder = freshFolder();
    writeLock(folder, { pid: deadPid() });
    lockDataDir(folder).release();

    writeLock(folder, { pid: process.pid });
    lockDataDir(folder).release();

    writeFileSync(join(folder, LOCK_FILE), "not a lock");
    lockDataDir(folder).release();
  });

  it("respects a live holder, but not a later process that reused its pid", async () => {
    const folder = freshFolder();
    const sleeper = spawn("sleep", ["30"]);
    children.push(sleeper);
    const pid = sleeper.pid as number;
    writeLock(folder, { pid });
    expect(() => lockDataDir(folder)).toThrow(`(pid ${pid})`);

    const started = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ")[19];
    writeLock(folder, { pid, started });
    expect(() => lockDataDir(folder)).toThrow(`(pid ${pid})`);
    writeLock(folder, { pid, started: `${Number(started) - 1}` });
    lockDataDir(folder).release();

    writeLock(folder, { pid, host: "another-machine" });
    expect(() => lockDataDir(folder)).toThrow(`(pid ${pid} on another-machine)`);

    sleeper.kill("SIGKILL");
    await exited(sleeper);
    writeLock(folder, { pid });
    lockDataDir(folder).release();
  });

  it("respects a holder in another pid namespace (another container on this host), whose pid means nothing here, while it refreshes the lock", () => {
    const folder = freshFolder();
    const file = join(folder, LOCK_FILE);
    const elsewhere = "pid:[1]";
    for (const pid of [deadPid(), process.pid, 1]) {
      writeLock(folder, { pid, pidNamespace: elsewhere });
      expect(() => lockDataDir(folder)).toThrow(DataDirInUseError);
      expect(() => lockDataDir(folder)).toThrow(
        `(pid ${pid} in another container or pid namespace). Stop that process first, or set DATA_DIR to another folder. If that process has gone, the lock ${file} is taken over once it has not been refreshed for 60 seconds.`,
      );
      expect(existsSync(file)).toBe(true);
    }
    // Last refreshed 50 seconds ago: the holder may be busy in a long query, so still respected.
    lastRefreshed(file, 50);
    expect(() => lockDataDir(folder)).toThrow(DataDirInUseError);
    expect(existsSync(file)).toBe(true);
    // A lock from before the machine restarted is stale wherever its holder ran.
    writeLock(folder, { pid: 1, pidNamespace: elsewhere, boot: "an-earlier-boot" });
    lockDataDir(folder).release();

    // This process's own namespace is recorded, and a dead holder in it is taken over as before.
    const lock = lockDataDir(folder);
    const held = JSON.parse(readFileSync(file, "utf8")) as LockHolder;
    expect(held.pidNamespace).toBe(readlinkSync("/proc/self/ns/pid"));
    lock.release();
    writeLock(folder, { pid: deadPid(), pidNamespace: held.pidNamespace });
    lockDataDir(folder).release();
  });

  it("takes over a lock from another pid namespace or machine once it has not been refreshed for 60 seconds (a restarted container's own old lock)", () => {
    const folder = freshFolder();
    const file = join(folder, LOCK_FILE);
    for (const holder of [{ pidNamespace: "pid:[1]" }, { host: "another-machine" }]) {
      writeLock(folder, { pid: 1, ...holder });
      lastRefreshed(file, 61);
      const lock = lockDataDir(folder);
      expect(JSON.parse(readFileSync(file, "utf8"))).toMatchObject({ pid: process.pid });
      lock.release();
    }

    // A takeover mark left by a process in another namespace that died while taking a stale lock over.
    writeLock(folder, { pid: deadPid() });
    writeLock(folder, { pid: 1, pidNamespace: "pid:[1]" }, `${LOCK_FILE}.someone-else.takeover`);
    lastRefreshed(join(folder, `${LOCK_FILE}.someone-else.takeover`), 61);
    lockDataDir(folder).release();
    expect(readdirSync(folder)).toEqual([]);
  });

  it("is refreshed by its holder every 10 seconds until released", () => {
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    const folder = freshFolder();
    const file = join(folder, LOCK_FILE);
    const lock = lockDataDir(folder);
    lastRefreshed(file, 55);
    vi.advanceTimersByTime(9_000);
    expect(Date.now() - statSync(file).mtimeMs).toBeGreaterThan(50_000);
    vi.advanceTimersByTime(1_000);
    expect(Date.now() - statSync(file).mtimeMs).toBeLessThan(5_000);

    lock.release();
    expect(vi.getTimerCount()).toBe(0);
  });

  it("works on a filesystem without hard links: held by one at a time, a stale lock taken over, nothing left behind", () => {
    links.fail = true;
    const folder = freshFolder();
    const lock = lockDataDir(folder);
    expect(JSON.parse(readFileSync(join(folder, LOCK_FILE), "utf8"))).toMatchObject({ pid: process.pid });
    expect(() => lockDataDir(folder)).toThrow(`(pid ${process.pid})`);
    lock.release();
    expect(readdirSync(folder)).toEqual([]);

    writeLock(folder, { pid: deadPid() });
    lockDataDir(folder).release();
    expect(readdirSync(folder)).toEqual([]);
  });

  it("goes to exactly one of several processes taking over the same stale lock at once", async () => {
    const folder = freshFolder();
    writeLock(folder, { pid: deadPid() });
    const script = `
      const { lockDataDir } = await import(${JSON.stringify(join(API_ROOT, "src/db/data-dir-lock.ts"))});
      await new Promise((resolve) => setTimeout(resolve, ${Date.now() + 1500} - Date.now()));
      try { lockDataDir(${JSON.stringify(folder)}); console.log("took"); } catch (error) { console.log(error.name); }
      await new Promise((resolve) => setTimeout(resolve, 500));`;
    const results = await Promise.all(
      Array.from({ length: 4 }, () => {
        const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
          cwd: API_ROOT,
        });
        children.push(child);
        let out = "";
        child.stdout?.on("data", (chunk) => {
          out += chunk;
        });
        return exited(child).then(() => out.trim());
      }),
    );
    expect(results.filter((result) => result === "took")).toHaveLength(1);
    expect(results.filter((result) => result === "DataDirInUseError")).toHaveLength(3);
    expect(existsSync(join(folder, LOCK_FILE))).toBe(false);
  }, 30_000);
});

async function launch(dataDir: string): Promise<ServerProcess> {
  const server = await spawnServer({ DATA_DIR: dataDir, DATABASE_URL: "", DEMO: "false", DELIVERY: "outbox" });
  children.push(server.child);
  return server;
}

describe.runIf(inject("testDatabase").kind === "pglite")("two servers on one data folder", () => {
  it("the second refuses to start; after the first is killed a new one starts; a clean stop frees the folder", async () => {
    const dataDir = freshFolder();
    const first = await launch(dataDir);
    expect(await readyOrExit(first)).toBe("ready");

    const second = await launch(dataDir);
    expect(await readyOrExit(second)).toBe(1);
    expect(second.stderr()).toContain(
      `Recovery Desk cannot start: The data folder ${dataDir} is in use by another Recovery Desk process (pid ${first.child.pid}).`,
    );
    // The first server still holds the folder and answers.
    expect((await fetch(`http://127.0.0.1:${first.port}/readyz`)).ok).toBe(true);

    first.child.kill("SIGKILL");
    await exited(first.child);
    const third = await launch(dataDir);
    expect(await readyOrExit(third)).toBe("ready");
    expect(JSON.parse(readFileSync(join(dataDir, LOCK_FILE), "utf8"))).toMatchObject({ pid: third.child.pid });

    // A command on the folder the server holds stops with the same plain line, no stack trace.
    const command = spawnSync(
      process.execPath,
      ["--import", "tsx", "src/cli/create-admin.ts", "--username", "second.admin", "--name", "Second Admin"],
      {
        cwd: API_ROOT,
        input: "a-long-enough-password\n",
        encoding: "utf8",
        env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "", DEMO: "false", LOG_LEVEL: "silent" },
      },
    );
    expect(command.status).toBe(1);
    expect(command.stderr.trim()).toBe(
      `create-admin cannot start: The data folder ${dataDir} is in use by another Recovery Desk process (pid ${third.child.pid}). Stop that process first, or set DATA_DIR to another folder.`,
    );

    third.child.kill("SIGTERM");
    expect(await exited(third.child)).toBe(0);
    expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false);
  }, 120_000);
});
