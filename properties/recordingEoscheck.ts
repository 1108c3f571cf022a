import { chmodSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
/** The compiled CLI, as the tests that start a process run it. */
export const eoscheckBin = join(root, 'bin/eoscheck.js');

/**
 * An EOSCHECK command for the Slurm scripts that runs the CLI and records its exit code in
 * OUT/exit-<array task id, or "merge">: the scripts accept exit 1 from a task as a result, so the
 * code itself is the only way to see what a shard decided. It runs the compiled CLI
 * (bin/eoscheck.js), which vitest's global setup has just built from the sources: starting it
 * takes a fraction of a second, against about two through tsx.
 */
export function recordingEoscheck(out: string): string {
  const file = join(out, 'eoscheck.sh');
  writeFileSync(
    file,
    `#!/bin/sh\n${JSON.stringify(process.execPath)} ${JSON.stringify(eoscheckBin)} "$@"\n` +
      `code=$?\necho $code > ${JSON.stringify(out)}/exit-\${SLURM_ARRAY_TASK_ID:-merge}\nexit $code\n`,
  );
  chmodSync(file, 0o755);
  return file;
}

/** The exit codes recordingEoscheck saw, by task ("0", "1", …, "merge"). */
export function recordedExits(out: string): Record<string, number> {
  return Object.fromEntries(
    readdirSync(out)
      .filter((f) => f.startsWith('exit-'))
      .map((f) => [f.slice(5), Number(readFileSync(join(out, f), 'utf8'))]),
  );
}
