/** One progress line: "label [#####.....]  42%". Pure, for the bar below and its spec. */
export function progressLine(label: string, fraction: number, width = 30): string {
  const f = Math.min(1, Math.max(0, Number.isFinite(fraction) ? fraction : 0));
  const filled = Math.round(f * width);
  return `${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(Math.floor(f * 100)).padStart(3)}%`;
}

/** A progress bar on a terminal (stderr); silent when the stream is not a TTY. */
export class ProgressBar {
  private last = '';

  constructor(private readonly stream: NodeJS.WriteStream) {}

  update(label: string, fraction: number): void {
    if (!this.stream.isTTY) return;
    const line = progressLine(label, fraction);
    if (line === this.last) return;
    this.last = line;
    this.stream.write(`\r${line}`);
  }

  done(): void {
    if (this.stream.isTTY && this.last) this.stream.write('\n');
    this.last = '';
  }
}
