/** One progress line: "label [#####.....]  42%". Pure, for the bar below and its spec. */
export function progressLine(label: string, fraction: number, width = 30): string {
  const f = Math.min(1, Math.max(0, Number.isFinite(fraction) ? fraction : 0));
  const filled = Math.round(f * width);
  return `${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(Math.floor(f * 100)).padStart(3)}%`;
}

/** Runs played at once share the line: "a 42% · b 40%" (finished runs leave it). Pure. */
export function progressLines(runs: ReadonlyMap<string, number>): string {
  if (runs.size === 1) {
    const [[label, fraction]] = [...runs];
    return progressLine(label, fraction);
  }
  return [...runs]
    .map(
      ([label, f]) =>
        `${label} ${String(Math.floor(Math.min(1, Math.max(0, f || 0)) * 100)).padStart(3)}%`,
    )
    .join(' · ');
}

/** A progress bar on a terminal (stderr); silent when the stream is not a TTY. */
export class ProgressBar {
  private last = '';
  private readonly runs = new Map<string, number>();

  constructor(private readonly stream: NodeJS.WriteStream) {}

  update(label: string, fraction: number): void {
    if (!this.stream.isTTY) return;
    if (fraction >= 1 && this.runs.size > 1) this.runs.delete(label);
    else this.runs.set(label, fraction);
    const line = progressLines(this.runs);
    if (line === this.last) return;
    // Padded over a longer line before it (two runs' line, then one run's).
    const pad = ' '.repeat(Math.max(0, this.last.length - line.length));
    this.last = line;
    this.stream.write(`\r${line}${pad}`);
  }

  done(): void {
    if (this.stream.isTTY && this.last) this.stream.write('\n');
    this.last = '';
    this.runs.clear();
  }
}
