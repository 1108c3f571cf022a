import type { Instance, Verdict } from '../claims/claim.js';
import { EoscheckError, UsageError } from '../errors.js';
import type { ClaimResult, RunClaimOptions } from './runClaim.js';

/** What every worker of `check --jobs N` is started with. */
export interface WorkerSetup {
  /** The `--claims` files: the worker loads them, and the built-in catalog, to find claims by id. */
  readonly claimsFiles: readonly string[];
  /** runClaim's options, the same for every claim (callbacks, stop, runs and mode are the worker's). */
  readonly options: Omit<RunClaimOptions, 'onProgress' | 'onInstance' | 'onCounterexample' | 'stop' | 'runs' | 'mode'>;
  /** Post `progress` messages. */
  readonly progress: boolean;
  /** Post one `instance` message for each generated instance. */
  readonly instances: boolean;
}

/** The main thread to a worker: run a claim (by its catalog index and id), or stop. */
export type ToWorker = { readonly type: 'run'; readonly index: number; readonly id: string; readonly runs: number } | { readonly type: 'stop' };

/** An error as it crosses threads: the fields the CLI reads off an EoscheckError. */
export interface ErrorMessage {
  readonly name: string;
  readonly message: string;
  readonly stack?: string;
  readonly code?: string;
  readonly param?: string;
  readonly detail?: string;
}

/** A worker to the main thread, about the claim at `index`. */
export type FromWorker =
  | { readonly type: 'progress'; readonly index: number; readonly done: number; readonly total: number }
  | { readonly type: 'instance'; readonly index: number; readonly instance: Instance; readonly verdict: Verdict; readonly k: number }
  | { readonly type: 'result'; readonly index: number; readonly result: ClaimResult }
  /** Handed over after a stop: not run. */
  | { readonly type: 'skipped'; readonly index: number }
  | { readonly type: 'error'; readonly index: number; readonly error: ErrorMessage };

export function errorToMessage(e: unknown): ErrorMessage {
  if (e instanceof EoscheckError) {
    return {
      name: e.name,
      message: e.message,
      ...(e.stack !== undefined ? { stack: e.stack } : {}),
      code: e.code,
      detail: e.detail,
      ...(e.param !== undefined ? { param: e.param } : {}),
    };
  }
  if (e instanceof Error) return { name: e.name, message: e.message, ...(e.stack !== undefined ? { stack: e.stack } : {}) };
  return { name: 'Error', message: String(e) };
}

/**
 * The error a worker posted, rebuilt in the main thread: a UsageError or EoscheckError stays one
 * (same code, parameter and message), so the CLI answers as it would without workers.
 */
export function errorFromMessage(m: ErrorMessage): Error {
  let e: Error;
  if (m.code !== undefined && m.detail !== undefined) {
    e = m.name === 'UsageError' ? new UsageError(m.detail, m.param, m.code) : new EoscheckError(m.code, m.detail, m.param);
  } else {
    e = new Error(m.message);
  }
  e.name = m.name;
  if (m.stack !== undefined) e.stack = m.stack;
  return e;
}
