#!/usr/bin/env node
// `npm run build`: compiles src/ into a clean dist/ (tsc -p tsconfig.build.json) and stamps it.
// `node scripts/build.mjs --if-stale` (what `npm start` runs first) does the same only when dist/ is
// missing or older than its inputs: a source under src/, the tsconfig files, package.json or the
// lockfile modified after the stamp. After `npm ci` (which builds) `npm start` checks at once.
// Plain JavaScript, not TypeScript through tsx: the check costs milliseconds, tsx's start 0.3 s.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const stamp = join(root, 'dist', '.build-stamp');

/** The latest modification time among the build's inputs (directories too: a deleted or renamed source changes its folder's). */
function newestInput() {
  let newest = 0;
  const walk = (dir) => {
    newest = Math.max(newest, statSync(dir).mtimeMs);
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else newest = Math.max(newest, statSync(p).mtimeMs);
    }
  };
  walk(join(root, 'src'));
  for (const f of ['tsconfig.json', 'tsconfig.build.json', 'package.json', 'package-lock.json']) {
    const p = join(root, f);
    if (existsSync(p)) newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

if (process.argv.includes('--if-stale') && existsSync(stamp) && statSync(stamp).mtimeMs >= newestInput()) process.exit(0);
rmSync(join(root, 'dist'), { recursive: true, force: true });
const tsc = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
if (tsc.status !== 0) process.exit(tsc.status ?? 1);
// Written after the compilation, so its time is at least that of every input the compiler read.
writeFileSync(stamp, `${new Date().toISOString()}\n`);
