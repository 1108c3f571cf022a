import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * vitest's global setup: tests that start bin/eoscheck.js run the compiled CLI, so it is compiled
 * from the sources under test first (`npm run build`, about 2 s). Type errors are reported by
 * `tsc -p .` (tsc still emits), so they do not stop the tests here.
 */
export default function setup(): void {
  spawnSync('npm', ['run', '--silent', 'build'], { cwd: fileURLToPath(new URL('..', import.meta.url)), stdio: ['ignore', 'ignore', 'inherit'] });
}
