import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { UsageError } from '../../errors.js';
import { writeOutput } from '../../harness/writeOutput.js';
import { optFlag, type ParsedArgs } from '../parseArgs.js';
import type { Out } from '../run.js';
import { CI_WORKFLOW, CI_WORKFLOW_FILE, STARTER_CLAIMS, STARTER_CLAIMS_FILE } from './initFiles.js';

/**
 * `eoscheck init`: writes a commented starter claims file (my-claims.ts) and a CI workflow example
 * (.github/workflows/eoscheck.yml) into the working directory. An existing file is left alone
 * (exit 2 naming it) unless `--force`.
 */
export function initCommand(args: ParsedArgs, out: Out): number {
  if (args.positionals.length > 0) throw new UsageError(`takes no arguments, got "${args.positionals[0]}"`);
  const files = [
    [STARTER_CLAIMS_FILE, STARTER_CLAIMS],
    [CI_WORKFLOW_FILE, CI_WORKFLOW],
  ] as const;
  const force = optFlag(args, 'force');
  for (const [file] of files) {
    if (existsSync(file) && !force) throw new UsageError(`${file} exists; remove it or pass --force to overwrite it`);
  }
  for (const [file, text] of files) {
    mkdirSync(dirname(file), { recursive: true });
    writeOutput(file, text, 'init');
    out.write(`wrote ${file}\n`);
  }
  out.write(
    [
      '',
      'Next:',
      `  npx eoscheck check --claims ./${STARTER_CLAIMS_FILE}              run the claims (exit 0 hold, 1 violated, 2 bad input, 3 internal error)`,
      `  npx eoscheck check --claims ./${STARTER_CLAIMS_FILE} --controls   run their negative controls`,
      `  npx -p typescript tsc --noEmit --strict --module nodenext --moduleResolution nodenext --target es2022 ${STARTER_CLAIMS_FILE}`,
      '',
    ].join('\n'),
  );
  return 0;
}
