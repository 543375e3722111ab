/**
 * Work the first page does not need (code for tooltips, the contract's schemas) waits until that page
 * is on screen and then for a quiet moment, so it never competes with the page the agent is opening.
 * The browser entry marks the first page as shown (main.tsx); where nothing does, such as in tests,
 * the work never starts and everything that depends on it must work without it.
 */

let shown = false;
let waiting: Array<() => void> = [];

/** Called once the router has rendered its first page. */
export function markFirstPageShown(): void {
  if (shown) return;
  shown = true;
  const tasks = waiting;
  waiting = [];
  for (const task of tasks) task();
}

/** Runs `task` in a quiet moment after the first page was shown; returns a function that cancels it. */
export function afterFirstPage(task: () => void): () => void {
  let cancelIdle: (() => void) | undefined;
  let cancelled = false;
  const start = () => {
    if (!cancelled) cancelIdle = whenIdle(task);
  };
  if (shown) start();
  else waiting.push(start);
  return () => {
    cancelled = true;
    cancelIdle?.();
    waiting = waiting.filter((waitingTask) => waitingTask !== start);
  };
}

function whenIdle(task: () => void): () => void {
  if (typeof window.requestIdleCallback === "function") {
    const handle = window.requestIdleCallback(() => task(), { timeout: 2000 });
    return () => window.cancelIdleCallback(handle);
  }
  const handle = window.setTimeout(task, 200);
  return () => window.clearTimeout(handle);
}
