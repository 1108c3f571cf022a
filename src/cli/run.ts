import { EoscheckError } from '../errors.js';
import { cliMessage } from './cliMessage.js';
import { OPTIONS } from './options.js';
import { parseArgs } from './parseArgs.js';

export interface Out {
  write(s: string): unknown;
}

type Command = (args: ReturnType<typeof parseArgs>, out: Out) => number | Promise<number>;

// Commands are imported when run, so one command's dependencies (tfjs, mathjs, the claims catalog)
// neither slow down nor break another's start-up.
// A Map, so no user-given command name (`__proto__`, `constructor`) reaches Object.prototype.
const COMMANDS: ReadonlyMap<string, { summary: string; load: () => Promise<Command> }> = new Map(
  Object.entries({
    list: { summary: 'the claims: id, title, citation, status', load: async () => (await import('./commands/list.js')).listCommand },
    check: {
      summary: 'run claims (exit 0 all hold, 1 a claim violated, 2 bad usage, 3 a check threw)',
      load: async () => (await import('./commands/check.js')).checkCommand,
    },
    hunt: { summary: 'targeted search for counterexamples of one claim', load: async () => (await import('./commands/hunt.js')).huntCommand },
    replay: { summary: 're-run a counterexample fixture', load: async () => (await import('./commands/replay.js')).replayCommand },
    report: {
      summary: 'HTML report of a check --json results file, with plots of every counterexample',
      load: async () => (await import('./commands/report.js')).reportCommand,
    },
    merge: { summary: 'merge the JSON reports of sharded check runs', load: async () => (await import('./commands/merge.js')).mergeCommand },
    inspect: { summary: 'loss, gradient, Hessian, eigenpairs and ∇S at one point', load: async () => (await import('./commands/inspect.js')).inspectCommand },
    trace: {
      summary: 'a trajectory (gd, ngd, sqrt-gd, pgd, flow, momentum) with loss, sharpness and events',
      load: async () => (await import('./commands/trace.js')).traceCommand,
    },
    init: {
      summary: 'write a starter claims file (my-claims.ts) and a CI workflow example',
      load: async () => (await import('./commands/init.js')).initCommand,
    },
    models: { summary: 'the model families, their θ layout, parameters and data', load: async () => (await import('./commands/models.js')).modelsCommand },
  }),
);

function help(cmd?: string): string {
  if (cmd === undefined) {
    const lines = ['usage: eoscheck <command> [options]', '', 'commands:'];
    for (const [name, c] of COMMANDS) lines.push(`  ${name.padEnd(10)} ${c.summary}`);
    lines.push('', 'eoscheck <command> --help lists the options of a command.');
    return lines.join('\n') + '\n';
  }
  const lines = [`usage: eoscheck ${cmd} [options]`, '', COMMANDS.get(cmd)?.summary ?? '', '', 'options:'];
  for (const o of OPTIONS.filter((o) => o.commands.includes(cmd) || o.commands.includes('*'))) {
    const head = `  --${o.name}${o.arg ? ` ${o.arg}` : ''}`;
    lines.push(`${head.padEnd(36)}${head.length >= 36 ? '\n' + ''.padEnd(36) : ''}${o.description}`);
  }
  return lines.join('\n') + '\n';
}

/** Exit code of an internal error: a bug (in eoscheck or a claim's check), not bad usage (2) nor a violated claim (1). */
export const EXIT_INTERNAL = 3;

/**
 * Runs one CLI invocation; returns the exit code. User errors print one line and give 2; any other
 * exception is an internal error: one line asking for a report, its stack with --debug, exit 3.
 */
export async function run(argv: readonly string[], out: Out, err: Out): Promise<number> {
  const [cmd, ...rest] = argv;
  if (cmd === undefined || cmd === '--help' || cmd === 'help') {
    out.write(help());
    return 0;
  }
  const c = COMMANDS.get(cmd);
  if (c === undefined) {
    err.write(`eoscheck: unknown command "${cmd}" (known: ${[...COMMANDS.keys()].join(', ')})\n`);
    return 2;
  }
  try {
    const args = parseArgs(cmd, rest);
    if (args.values.has('help')) {
      out.write(help(cmd));
      return 0;
    }
    // Awaited inside the try, so a UsageError thrown by an async command still exits 2.
    return await (await c.load())(args, out);
  } catch (e) {
    if (e instanceof EoscheckError) {
      err.write(`eoscheck ${cmd}: ${cliMessage(e)}\n`);
      return 2;
    }
    const what = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    err.write(
      `eoscheck ${cmd}: internal error (${what}); please report it with the command that caused it${rest.includes('--debug') ? '' : ' (--debug prints the stack)'}\n`,
    );
    if (rest.includes('--debug') && e instanceof Error && e.stack !== undefined) err.write(`${e.stack}\n`);
    return EXIT_INTERNAL;
  }
}
