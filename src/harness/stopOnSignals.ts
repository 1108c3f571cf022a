import type { StopFlag } from './runClaim.js';

/** The signals that stop a long run cleanly, with their numbers (the exit code is 128 + number, by shell convention). */
export const STOP_SIGNALS = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 } as const;
export type StopSignal = keyof typeof STOP_SIGNALS;

/** A stop flag that also says which signal set it. */
export interface SignalStop extends StopFlag {
  signal: StopSignal | undefined;
}

/**
 * Ctrl-C (SIGINT), a scheduler's time limit or `timeout` (SIGTERM), a closed terminal (SIGHUP): the
 * first of them sets the flag (runners stop at the next instance boundary, fixtures found so far
 * are already on disk, the partial report is then written) and the command exits with
 * exitCodeOf(stop); a second one exits at once with its own code. `release()` removes the handlers.
 */
export function stopOnSignals(onFirst?: () => void): { stop: SignalStop; release: () => void } {
  const stop: SignalStop = { requested: false, signal: undefined };
  const handlers = (Object.keys(STOP_SIGNALS) as StopSignal[]).map((signal) => {
    const handler = () => {
      if (stop.requested) process.exit(128 + STOP_SIGNALS[signal]);
      stop.requested = true;
      stop.signal = signal;
      onFirst?.();
    };
    process.on(signal, handler);
    return [signal, handler] as const;
  });
  return { stop, release: () => handlers.forEach(([s, h]) => process.off(s, h)) };
}

/** Exit code of a run stopped by a signal: 128 + its number (130 SIGINT, 143 SIGTERM, 129 SIGHUP). */
export const exitCodeOf = (stop: SignalStop): number => 128 + STOP_SIGNALS[stop.signal ?? 'SIGINT'];
