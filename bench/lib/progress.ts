/**
 * A progress line on stderr with a rate and an estimate of the time left: redrawn in place on a
 * terminal, printed every tenth of the way otherwise (CI logs).
 */
export class Progress {
  private done_ = 0;
  private readonly started = performance.now();
  private lastTenth = -1;

  constructor(
    private readonly label: string,
    private readonly total: number,
  ) {}

  tick(amount: number, note = ""): void {
    this.done_ = Math.min(this.total, this.done_ + amount);
    const share = this.total === 0 ? 1 : this.done_ / this.total;
    const seconds = (performance.now() - this.started) / 1000;
    const left = share > 0 ? (seconds / share) * (1 - share) : 0;
    const bar = "#".repeat(Math.round(share * 24)).padEnd(24, ".");
    const text = `${this.label.padEnd(14)} [${bar}] ${(share * 100).toFixed(0).padStart(3)}%  ${formatCount(this.done_)}/${formatCount(this.total)}  ${formatSeconds(seconds)} elapsed, about ${formatSeconds(left)} left ${note}`;
    if (process.stderr.isTTY) process.stderr.write(`\r${text.padEnd(110)}`);
    else if (Math.floor(share * 10) > this.lastTenth) {
      this.lastTenth = Math.floor(share * 10);
      process.stderr.write(`${text}\n`);
    }
  }

  done(): void {
    const seconds = (performance.now() - this.started) / 1000;
    const text = `${this.label.padEnd(14)} done: ${formatCount(this.total)} in ${formatSeconds(seconds)}`;
    process.stderr.write(process.stderr.isTTY ? `\r${text.padEnd(110)}\n` : `${text}\n`);
  }
}

function formatCount(n: number): string {
  return n >= 1_000_000 ? `${(n / 1_000_000).toFixed(1)}M` : n >= 1_000 ? `${(n / 1_000).toFixed(0)}k` : String(n);
}

export function formatSeconds(s: number): string {
  return s >= 60 ? `${Math.floor(s / 60)}m${String(Math.round(s % 60)).padStart(2, "0")}s` : `${s.toFixed(1)}s`;
}
