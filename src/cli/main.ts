import { run } from './run.js';

// Exit codes: 0 success, 1 a claim violated, 2 bad usage or input (README, Reports).
process.exitCode = await run(process.argv.slice(2), process.stdout, process.stderr);
