#!/usr/bin/env node
// The CLI runs from TypeScript sources through tsx's loader, so there is no build step to forget.
// In this process, not a child: SIGINT, SIGTERM and SIGHUP reach the CLI's own handlers directly.
import { register } from 'tsx/esm/api';
register();
await import('../src/cli/main.ts');
