import { run } from './run.js';

// Exit codes: 0 success, 1 a claim violated (certified), 2 bad usage or input, 3 an internal error
// (a check that threw, a bug), 130/143/129 interrupted by SIGINT/SIGTERM/SIGHUP (README, Reports).
process.exitCode = await run(process.argv.slice(2), process.stdout, process.stderr);
