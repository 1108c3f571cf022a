import { EoscheckError } from '../errors.js';

export interface Out {
  write(s: string): unknown;
}

/** Runs one CLI invocation; returns the exit code. Never throws for user errors. */
export async function run(argv: readonly string[], out: Out, err: Out): Promise<number> {
  try {
    const [cmd] = argv;
    if (cmd === undefined || cmd === '--help' || cmd === 'help') {
      out.write('usage: eoscheck <command> [options]\n');
      return 0;
    }
    err.write(`eoscheck: unknown command "${cmd}"\n`);
    return 2;
  } catch (e) {
    if (e instanceof EoscheckError) {
      err.write(`eoscheck: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}
