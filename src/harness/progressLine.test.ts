import { describe, expect, it } from 'vitest';
import { progressLine } from './progressLine.js';

describe('progressLine', () => {
  it('draws only on a TTY, only after the first second, at most five times a second, and erases itself', () => {
    let t = 0;
    let tty = '';
    const p = progressLine({ isTTY: true, write: (s: string) => (tty += s) }, () => t);
    p.update('early');
    t = 1500;
    p.update('a');
    t = 1600;
    p.update('b (too soon)');
    t = 1800;
    p.update('c');
    p.done();
    expect(tty).toBe('\r\x1b[Ka\r\x1b[Kc\r\x1b[K');
    let piped = '';
    const q = progressLine({ write: (s: string) => (piped += s) }, () => t);
    t = 5000;
    q.update('x');
    q.done();
    expect(piped).toBe('');
  });
});
