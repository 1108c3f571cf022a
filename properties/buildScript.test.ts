import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * scripts/build.mjs in a project of its own (one source file, this install's TypeScript): `npm start`
 * builds first only when dist/ is stale, so a stale dist/ that is not rebuilt would run old code.
 */
const root = join(import.meta.dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'eoscheck-build-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

mkdirSync(join(dir, 'scripts'));
mkdirSync(join(dir, 'src', 'sub'), { recursive: true });
copyFileSync(join(root, 'scripts/build.mjs'), join(dir, 'scripts/build.mjs'));
symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
writeFileSync(
  join(dir, 'tsconfig.build.json'),
  JSON.stringify({ compilerOptions: { outDir: 'dist', rootDir: 'src', module: 'nodenext', target: 'es2022' }, include: ['src'] }),
);
writeFileSync(join(dir, 'src/a.ts'), 'export const a = 1;\n');
writeFileSync(join(dir, 'src/sub/b.ts'), 'export const b = 2;\n');

const stamp = join(dir, 'dist/.build-stamp');
const build = (...args: string[]) => spawnSync(process.execPath, [join(dir, 'scripts/build.mjs'), ...args], { encoding: 'utf8' });
/** Every input made a minute old and the stamp 10 s old: from here on only a later change is newer than the stamp. */
const age = () => {
  const t = Date.now() / 1000;
  for (const p of ['src/a.ts', 'src/sub/b.ts', 'src/sub', 'src', 'tsconfig.build.json']) if (existsSync(join(dir, p))) utimesSync(join(dir, p), t - 60, t - 60);
  utimesSync(stamp, t - 10, t - 10);
  return readFileSync(stamp, 'utf8');
};

describe('scripts/build.mjs', () => {
  it('builds and stamps; --if-stale then does nothing until an input changes, a deleted source included', () => {
    expect(build().status).toBe(0);
    expect(existsSync(join(dir, 'dist/sub/b.js'))).toBe(true);
    const first = age();
    expect(build('--if-stale').status).toBe(0);
    expect(readFileSync(stamp, 'utf8')).toBe(first);
    // An edited source: rebuilt.
    writeFileSync(join(dir, 'src/a.ts'), 'export const a = 3;\n');
    expect(build('--if-stale').status).toBe(0);
    expect(readFileSync(join(dir, 'dist/a.js'), 'utf8')).toContain('a = 3');
    // A deleted source (no file newer than the stamp, only its folder): rebuilt from a clean dist/.
    age();
    rmSync(join(dir, 'src/sub/b.ts'));
    expect(build('--if-stale').status).toBe(0);
    expect(existsSync(join(dir, 'dist/sub/b.js'))).toBe(false);
  });
});
