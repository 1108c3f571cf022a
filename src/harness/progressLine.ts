/** A stream that may be a terminal (process.stdout is; test doubles are not). */
export interface MaybeTty {
  write(s: string): unknown;
  readonly isTTY?: boolean;
}

/**
 * A one-line progress display, redrawn in place, for long runs only: nothing unless `out` is a
 * TTY, nothing during the first second, then at most five redraws a second. `done()` erases it,
 * so piped output and short runs stay clean.
 */
export function progressLine(out: MaybeTty, now: () => number = () => performance.now()): { update(text: string): void; done(): void } {
  const start = now();
  let last = -Infinity;
  let shown = false;
  return {
    update(text: string) {
      if (out.isTTY !== true) return;
      const t = now();
      if (t - start < 1000 || t - last < 200) return;
      last = t;
      shown = true;
      out.write(`\r\x1b[K${text}`);
    },
    done() {
      if (shown) out.write('\r\x1b[K');
      shown = false;
    },
  };
}
