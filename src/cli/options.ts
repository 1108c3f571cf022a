/**
 * Every CLI option, declared once (vitest-style): the parser, the help text and the errors all read
 * this table, so an option cannot be accepted by one command and documented for another by accident.
 */
export interface OptionSpec {
  readonly name: string;
  /** `value`: takes one argument; `repeat`: may be given several times; `flag`: takes none. */
  readonly kind: 'value' | 'repeat' | 'flag';
  readonly arg?: string;
  readonly description: string;
  readonly commands: readonly string[];
}

const MODEL_CMDS = ['inspect', 'trace'] as const;

export const OPTIONS: readonly OptionSpec[] = [
  {
    name: 'model',
    kind: 'value',
    arg: 'ID',
    description: 'model id (see `eoscheck models`); trace also takes mlp and cnn (networks on TensorFlow.js)',
    commands: MODEL_CMDS,
  },
  { name: 'theta', kind: 'value', arg: 'CSV', description: "the point θ, comma separated, in the model's order", commands: MODEL_CMDS },
  { name: 'param', kind: 'repeat', arg: 'KEY=VALUE', description: 'a model parameter (repeatable)', commands: MODEL_CMDS },
  { name: 'data', kind: 'value', arg: 'FILE.json', description: 'model data; numbers keep their decimal meaning', commands: MODEL_CMDS },
  { name: 'expr', kind: 'value', arg: 'FORMULA', description: 'objective of the expr model (mathjs syntax)', commands: MODEL_CMDS },
  { name: 'vars', kind: 'value', arg: 'x,y,...', description: 'variables of the expr model, in θ order', commands: MODEL_CMDS },
  { name: 'precision', kind: 'value', arg: 'f64|dec:N|interval:N', description: 'arithmetic (default f64)', commands: MODEL_CMDS },
  { name: 'json', kind: 'flag', description: 'machine output on stdout', commands: ['inspect', 'models', 'trace'] },
  { name: 'optimizer', kind: 'value', arg: 'gd|ngd|sqrt-gd|pgd|flow|momentum', description: 'update rule (default gd)', commands: ['trace'] },
  { name: 'lr', kind: 'value', arg: 'η', description: 'learning rate (required)', commands: ['trace'] },
  { name: 'steps', kind: 'value', arg: 'T', description: 'number of steps (default 100)', commands: ['trace'] },
  { name: 'every', kind: 'value', arg: 'k', description: 'record every k steps (default 1)', commands: ['trace'] },
  { name: 'reference', kind: 'value', arg: 'pgd|flow', description: 'reference trajectory run alongside', commands: ['trace'] },
  { name: 'csv', kind: 'value', arg: 'FILE', description: 'write the recorded steps as CSV', commands: ['trace'] },
  {
    name: 'plot',
    kind: 'value',
    arg: 'FILE.svg|FILE.png',
    description: 'plot loss and sharpness with the 2/η line and the events (PNG when the name ends in .png)',
    commands: ['trace', 'replay'],
  },
  {
    name: 'backend',
    kind: 'value',
    arg: 'tensorflow|wasm|cpu',
    description: 'tfjs backend of --model mlp|cnn (default tensorflow if @tensorflow/tfjs-node is installed, else wasm, else cpu)',
    commands: ['trace'],
  },
  {
    name: 'observe',
    kind: 'value',
    arg: 'a,b,...',
    description: 'extra observers (rotation, referenceDistance, selfStabilization, balancedness, ...)',
    commands: ['trace'],
  },
  // The harness commands (list, check, hunt, replay, merge).
  {
    name: 'seed',
    kind: 'value',
    arg: 'S',
    description: 'base seed, an integer (default 1); run k draws from seedFor(S, claim, k)',
    commands: ['check', 'hunt'],
  },
  { name: 'runs', kind: 'value', arg: 'N', description: 'check: instances per claim (default 100); hunt: climbs (default 20)', commands: ['check', 'hunt'] },
  {
    name: 'shard',
    kind: 'value',
    arg: 'i/n',
    description: 'only runs (hunt: climbs) k with k mod n = i − 1; join reports with merge',
    commands: ['check', 'hunt'],
  },
  {
    name: 'fixtures',
    kind: 'value',
    arg: 'DIR',
    description: 'counterexamples: replayed first, new ones written (default fixtures/counterexamples)',
    commands: ['check'],
  },
  {
    name: 'jobs',
    kind: 'value',
    arg: 'N',
    description: 'worker threads running claims side by side (default: $EOSCHECK_JOBS, else the cores, at most 2); the report is the same for any N',
    commands: ['check'],
  },
  {
    name: 'update-fixtures',
    kind: 'flag',
    description: 're-record fixtures whose replay changed (verdict, certificate) instead of failing',
    commands: ['check'],
  },
  // check's --json takes a FILE (README, Reports); the other commands' --json is a flag.
  { name: 'json', kind: 'value', arg: 'FILE', description: 'write the JSON report (README, Reports)', commands: ['check'] },
  { name: 'junit', kind: 'value', arg: 'FILE', description: 'write a JUnit XML report', commands: ['check'] },
  { name: 'summary', kind: 'value', arg: 'FILE.md', description: 'write the Markdown summary (it is also printed)', commands: ['check'] },
  { name: 'report', kind: 'value', arg: 'DIR', description: 'write the HTML report (DIR/index.html: claims, counterexamples, plots)', commands: ['check'] },
  { name: 'html', kind: 'value', arg: 'DIR', description: 'write the HTML report as DIR/index.html (required)', commands: ['report'] },
  {
    name: 'claims',
    kind: 'repeat',
    arg: 'FILE.ts',
    description: 'load user claims (defineClaim exports) from a module, anywhere; repeatable. check without ids then runs only these',
    commands: ['list', 'check', 'hunt', 'replay', 'report'],
  },
  {
    name: 'verbose',
    kind: 'flag',
    description: "print each instance's verdict, evidence and details (order-of-convergence fits) after the summary",
    commands: ['check'],
  },
  { name: 'budget', kind: 'value', arg: 'EVALS', description: "model evaluations per check call (default: the claim's)", commands: ['check', 'hunt'] },
  { name: 'time', kind: 'value', arg: 'DURATION', description: 'hunt this long (e.g. 30s, 10m) instead of --runs climbs', commands: ['hunt'] },
  { name: 'out', kind: 'value', arg: 'DIR', description: 'where counterexamples are written (default fixtures/counterexamples)', commands: ['hunt'] },
  { name: 'out', kind: 'value', arg: 'FILE', description: 'the merged report (required)', commands: ['merge'] },
  {
    name: 'precision',
    kind: 'value',
    arg: 'f64|dec:N|interval:N',
    description: "evaluate at this precision only (default: the claim's ladder)",
    commands: ['replay'],
  },
  { name: 'json', kind: 'flag', description: 'machine output on stdout', commands: ['list', 'hunt', 'replay'] },
  { name: 'markdown', kind: 'flag', description: 'the catalog as Markdown tables grouped by paper', commands: ['list'] },
  {
    name: 'results',
    kind: 'value',
    arg: 'FILE.json',
    description: "with --markdown: add each claim's verdict from a `check --json` report",
    commands: ['list'],
  },
  { name: 'controls', kind: 'flag', description: "run the claims' negative controls instead: each must be flagged (exit 0), else exit 1", commands: ['check'] },
  { name: 'force', kind: 'flag', description: 'overwrite existing files', commands: ['init'] },
  { name: 'help', kind: 'flag', description: 'this help', commands: ['*'] },
  { name: 'debug', kind: 'flag', description: 'print the stack of an internal error', commands: ['*'] },
];
