#!/usr/bin/env node
// The compiled CLI: dist/ is built by `npm run build`, and by npm itself on `npm ci`, on installs
// from git and before `npm pack`. A checkout that has not been built yet runs the TypeScript
// sources through tsx instead, so a fresh clone works before its first build. Either way the CLI
// runs in this process, not a child: SIGINT, SIGTERM and SIGHUP reach its own handlers directly.
import { existsSync } from 'node:fs';

const compiled = new URL('../dist/cli/main.js', import.meta.url);
if (existsSync(compiled)) {
  await import(compiled.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
