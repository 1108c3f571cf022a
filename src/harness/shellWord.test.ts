import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { shellWord } from './shellWord.js';

describe('shellWord', () => {
  it('leaves plain words alone and quotes the rest so that sh reads back the same word', () => {
    expect(shellWord('fixtures/counterexamples/a.b-c/0123.json')).toBe('fixtures/counterexamples/a.b-c/0123.json');
    const words = ['my claims.ts', "it's.ts", 'a$b`c`"d"\\e', '*.json', ''];
    // The oracle: a real shell, printing each argument it received on its own line.
    const echoed = execFileSync('sh', ['-c', `printf '%s\\n' ${words.map(shellWord).join(' ')}`], { encoding: 'utf8' });
    expect(echoed).toBe(words.map((w) => `${w}\n`).join(''));
  });
});
