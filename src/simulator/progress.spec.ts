import { progressLine, progressLines, ProgressBar } from './progress';

describe('progress bar', () => {
  it('draws the share done', () => {
    expect(progressLine('run', 0, 10)).toBe('run [..........]   0%');
    expect(progressLine('run', 0.42, 10)).toBe('run [####......]  42%');
    expect(progressLine('run', 2, 10)).toBe('run [##########] 100%');
    expect(progressLine('run', NaN, 10)).toBe('run [..........]   0%');
  });

  it('writes only to a terminal', () => {
    const written: string[] = [];
    const stream = (isTTY: boolean) =>
      ({ isTTY, write: (s: string) => written.push(s) }) as unknown as NodeJS.WriteStream;
    const quiet = new ProgressBar(stream(false));
    quiet.update('a', 0.5);
    quiet.done();
    expect(written).toEqual([]);
    const bar = new ProgressBar(stream(true));
    bar.update('a', 0.5);
    bar.update('a', 0.5);
    bar.done();
    expect(written).toHaveLength(2);
    expect(written[0]).toMatch(/^\ra \[#+\.+\] {2}50%$/);
  });

  it('shares the line between runs played at once, and a finished run leaves it', () => {
    expect(
      progressLines(
        new Map([
          ['default policy, seed 1', 0.42],
          ['default policy, seed 2', 0.4],
        ]),
      ),
    ).toBe('default policy, seed 1  42% · default policy, seed 2  40%');
    const written: string[] = [];
    const bar = new ProgressBar({
      isTTY: true,
      write: (s: string) => written.push(s),
    } as unknown as NodeJS.WriteStream);
    bar.update('a', 0.5);
    bar.update('b', 0.25);
    expect(written[1]).toMatch(/^\ra {2}50% · b {2}25% *$/);
    bar.update('a', 1);
    expect(written[2]).toMatch(/^\rb \[#+\.+\] {2}25% *$/);
  });
});
