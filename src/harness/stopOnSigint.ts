import type { StopFlag } from './runClaim.js';

/**
 * Ctrl-C for long runs: the first SIGINT sets the flag (runners stop at the next instance boundary,
 * fixtures found so far are already on disk, the partial report is then written); a second one
 * exits at once with 130. `release()` removes the handler.
 */
export function stopOnSigint(onFirst?: () => void): { stop: StopFlag; release: () => void } {
  const stop: StopFlag = { requested: false };
  const handler = () => {
    if (stop.requested) process.exit(130);
    stop.requested = true;
    onFirst?.();
  };
  process.on('SIGINT', handler);
  return { stop, release: () => process.off('SIGINT', handler) };
}

/** Exit code of an interrupted run (128 + SIGINT), by shell convention. */
export const EXIT_INTERRUPTED = 130;
