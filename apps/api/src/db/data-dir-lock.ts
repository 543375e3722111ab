import { createHash, randomBytes } from "node:crypto";
import {
  closeSync,
  fstatSync,
  fsyncSync,
  linkSync,
  openSync,
  readFileSync,
  readlinkSync,
  unlinkSync,
  utimesSync,
  writeSync,
} from "node:fs";
import { hostname } from "node:os";
import { join, resolve } from "node:path";

/**
 * One process at a time on an embedded data folder. Two processes on the same PGlite folder each
 * keep their own copy of the database in memory and write over each other's files, so one of them
 * loses writes it has already acknowledged.
 *
 * The lock is a file in the folder that names its holder. It is written aside and then hard-linked
 * into place, which fails when the file already exists, so it never appears half-written. It is
 * removed when the database is closed and when the process exits. A holder that died without
 * removing it (killed, crashed, the machine lost power) leaves a stale file, which the next process
 * takes over; a live holder is respected. A holder on another machine, or in another container on
 * this one (another pid namespace), cannot be checked by its pid from here, so the holder refreshes
 * the file's modification time every HEARTBEAT_MS and such a lock is respected while it is fresh and
 * taken over once it has gone STALE_MS without a refresh. A container restarted after a crash runs in
 * a new pid namespace, so this is also how it gets its own old lock back.
 */
export const LOCK_FILE = "recovery-desk.lock";

/** How often the holder refreshes the lock file's modification time. */
export const HEARTBEAT_MS = 10_000;
/**
 * How long a lock from another pid namespace or machine may go without a refresh before it is taken
 * over. Generous: the embedded database runs on the holder's one thread and can keep the refresh
 * waiting through a long query.
 */
export const STALE_MS = 60_000;

/** What the lock file says about its holder. */
export interface LockHolder {
  pid: number;
  host: string;
  /** The kernel's boot id, where the system has one: a lock from before a restart is stale. */
  boot?: string;
  /** When the holder started, in clock ticks since boot, where the system tells: a reused pid is not the holder. */
  started?: string;
  /**
   * The holder's pid namespace (Linux), e.g. "pid:[4026531836]". Containers on one machine share
   * its host name and boot id, but each numbers its processes anew, so the holder's pid says
   * nothing about a process in another namespace.
   */
  pidNamespace?: string;
  /** Unique to one holding: tells this lock from a later one by the same pid. */
  token: string;
  since: string;
}

export class DataDirInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder,
  ) {
    const where =
      holder.host !== hostname()
        ? ` on ${holder.host}`
        : inAnotherPidNamespace(holder)
          ? " in another container or pid namespace"
          : "";
    super(
      `The data folder ${dataDir} is in use by another Recovery Desk process (pid ${holder.pid}${where}). ` +
        "Stop that process first, or set DATA_DIR to another folder." +
        (where
          ? ` If that process has gone, the lock ${join(dataDir, LOCK_FILE)} is taken over once it has not been refreshed for ${STALE_MS / 1000} seconds.`
          : ""),
    );
    this.name = "DataDirInUseError";
  }
}

export interface DataDirLock {
  readonly file: string;
  /** Removes the lock file if it is still this process's. Safe to call more than once. */
  release(): void;
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

/** A lock file's text and when it was last modified (its holder's last refresh), read from one open file. */
function readLock(path: string): { text: string; modified: number } | undefined {
  let fd: number;
  try {
    fd = openSync(path, "r");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
  try {
    return { modified: fstatSync(fd).mtimeMs, text: readFileSync(fd, "utf8") };
  } finally {
    closeSync(fd);
  }
}

function unlinkIfPresent(path: string): void {
  try {
    unlinkSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
}

const bootId = (() => {
  const text = readText("/proc/sys/kernel/random/boot_id");
  return text?.trim() || undefined;
})();

const pidNamespace = (() => {
  try {
    return readlinkSync("/proc/self/ns/pid");
  } catch {
    return undefined;
  }
})();

/** Whether the holder ran in a pid namespace other than this process's, so its pid cannot be checked here. */
function inAnotherPidNamespace(holder: LockHolder): boolean {
  return holder.pidNamespace !== undefined && holder.pidNamespace !== pidNamespace;
}

/** A process's state and start time from Linux's /proc, or undefined elsewhere or when it has gone. */
function procStat(pid: number): { state: string; started: string } | undefined {
  let text: string | undefined;
  try {
    text = readText(`/proc/${pid}/stat`);
  } catch {
    return undefined;
  }
  if (!text) return undefined;
  // "pid (name) state ppid …": the name may hold spaces and parentheses, so fields count from the last ")".
  const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
  const state = fields[0];
  const started = fields[19];
  return state && started ? { state, started } : undefined;
}

/** The tokens of the locks this process holds. */
const heldHere = new Set<string>();

/**
 * Whether the holder named in a lock file may still be running. `modified` is when the file was last
 * modified, which is all there is to go on for a holder whose pid cannot be checked here.
 */
export function holderAlive(holder: LockHolder, modified: number): boolean {
  if (heldHere.has(holder.token)) return true;
  const refreshedLately = Date.now() - modified < STALE_MS;
  // A process on another machine sharing the folder cannot be checked from here: only its refreshes tell.
  if (holder.host !== hostname()) return refreshedLately;
  if (holder.boot && bootId && holder.boot !== bootId) return false;
  // Another container on this machine: its pid is not a pid here, so again only its refreshes tell.
  if (inAnotherPidNamespace(holder)) return refreshedLately;
  // Not a lock this process holds, so a process before it had its pid.
  if (holder.pid === process.pid) return false;
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    if ((error as NodeJS.ErrnoException).code === "ESRCH") return false;
  }
  const stat = procStat(holder.pid);
  if (stat) {
    // Killed and not yet collected by its parent: it holds nothing any more.
    if (stat.state === "Z" || stat.state === "X") return false;
    // The pid now belongs to a process that started later.
    if (holder.started && stat.started !== holder.started) return false;
  }
  return true;
}

function parseHolder(text: string): LockHolder | undefined {
  try {
    const value = JSON.parse(text) as Partial<LockHolder>;
    if (typeof value.pid === "number" && typeof value.host === "string" && typeof value.token === "string") {
      return value as LockHolder;
    }
  } catch {
    // not a lock this code wrote
  }
  return undefined;
}

/** Writes `text` to a new file at `path` and flushes it; fails if the file exists. */
function writeNew(path: string, text: string): void {
  const fd = openSync(path, "wx", 0o600);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Puts `text` at `file` if no file is there, atomically and whole. Where the filesystem has no hard
 * links (some network and FAT filesystems), the file is created in place instead, which is still
 * atomic but briefly empty: `lockDataDir` gives such a file a moment before judging it.
 */
function createWhole(file: string, text: string, token: string): boolean {
  const aside = `${file}.${token}.new`;
  writeNew(aside, text);
  let linked: boolean;
  try {
    linkSync(aside, file);
    linked = true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    linked = false;
  } finally {
    unlinkIfPresent(aside);
  }
  if (linked) return true;
  try {
    writeNew(file, text);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
}

/**
 * Removes a stale lock file, if it is still the one that was found stale. Only the process that
 * creates the stale lock's takeover mark may remove it, and it checks the file again after that,
 * so two processes taking over the same stale lock cannot remove the lock one of them has just taken.
 */
function removeStale(file: string, staleText: string, stale: LockHolder | undefined, me: LockHolder): boolean {
  const identity = stale?.token ?? createHash("sha256").update(staleText).digest("base64url");
  const mark = `${file}.${identity}.takeover`;
  const markText = JSON.stringify({ ...me, token: `${me.token}-takeover` });
  if (!createWhole(mark, markText, me.token)) {
    // Another process is taking this stale lock over, unless it died doing so.
    const found = readLock(mark);
    const taker = parseHolder(found?.text ?? "");
    if (found && taker && !holderAlive(taker, found.modified)) unlinkIfPresent(mark);
    return false;
  }
  try {
    if (readText(file) === staleText) unlinkIfPresent(file);
  } finally {
    unlinkIfPresent(mark);
  }
  return true;
}

/** Waits without giving up the thread: the lock is taken once, at start. */
function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Takes the data folder's lock for this process, or throws `DataDirInUseError` naming the live
 * holder. The folder must exist.
 */
export function lockDataDir(dataDir: string): DataDirLock {
  const folder = resolve(dataDir);
  const file = join(folder, LOCK_FILE);
  const started = procStat(process.pid)?.started;
  const me: LockHolder = {
    pid: process.pid,
    host: hostname(),
    ...(bootId ? { boot: bootId } : {}),
    ...(started ? { started } : {}),
    ...(pidNamespace ? { pidNamespace } : {}),
    token: randomBytes(12).toString("base64url"),
    since: new Date().toISOString(),
  };
  const text = `${JSON.stringify(me)}\n`;

  for (let attempt = 0; attempt < 20; attempt++) {
    if (createWhole(file, text, me.token)) {
      heldHere.add(me.token);
      let held = true;
      // Tells processes that cannot check this pid (another container or machine) that the holder lives.
      const heartbeat = setInterval(() => {
        try {
          if (readText(file) !== text) return;
          const now = new Date();
          utimesSync(file, now, now);
        } catch {
          // Gone, or the folder with it: the next refresh tries again.
        }
      }, HEARTBEAT_MS);
      heartbeat.unref();
      const release = () => {
        if (!held) return;
        held = false;
        clearInterval(heartbeat);
        heldHere.delete(me.token);
        process.removeListener("exit", release);
        try {
          if (readText(file) === text) unlinkSync(file);
        } catch {
          // Gone already, or the folder with it.
        }
      };
      process.on("exit", release);
      return { file, release };
    }
    const lock = readLock(file);
    if (lock === undefined) continue;
    const found = lock.text;
    const holder = parseHolder(found);
    if (!holder) {
      // Perhaps created in place a moment ago and not yet written: look again before calling it stale.
      pause(50);
      if (readText(file) !== found) continue;
    }
    if (holder && holderAlive(holder, lock.modified)) throw new DataDirInUseError(folder, holder);
    if (!removeStale(file, found, holder, me)) pause(10);
  }
  throw new Error(`Could not take the lock ${file}: it keeps changing hands.`);
}
