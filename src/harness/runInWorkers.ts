import { Worker } from 'node:worker_threads';
import type { Instance, Verdict } from '../claims/claim.js';
import type { ClaimResult, StopFlag } from './runClaim.js';
import { errorFromMessage, type ErrorMessage, type FromWorker, type ToWorker, type WorkerSetup } from './workerMessages.js';

/** A claim to run: its id (the worker finds it in the catalog and the claims files) and its instances. */
export interface WorkerJob {
  readonly id: string;
  readonly runs: number;
}

/**
 * The jobs' positions grouped by family: the first two components of the id (`damian.two-layer`),
 * groups in order of first appearance, each in job order. A family's claims may share work within a
 * process (the self-stabilization claims of a model share their runs, counting their evaluations
 * each), so a family runs in one thread, where that work is done once, not once per thread.
 */
export function families(todo: readonly WorkerJob[]): number[][] {
  const groups = new Map<string, number[]>();
  todo.forEach((j, pos) => {
    const key = j.id.split('.').slice(0, 2).join('.');
    const g = groups.get(key);
    if (g === undefined) groups.set(key, [pos]);
    else g.push(pos);
  });
  return [...groups.values()];
}

export interface RunInWorkersOptions {
  readonly stop?: StopFlag;
  /** Progress of the job at `pos`, as it comes. */
  readonly onProgress?: (pos: number, done: number, total: number) => void;
  /** Each generated instance, in the order one thread would give them: job by job, run order within a job. */
  readonly onInstance?: (pos: number, instance: Instance, verdict: Verdict, k: number) => void;
}

/**
 * A worker thread running checkWorker: the compiled module, or, when eoscheck runs from its
 * TypeScript sources (tsx, the test runner), the source through tsx's loader.
 */
function startWorker(setup: WorkerSetup): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./checkWorker.js', import.meta.url), { workerData: setup });
  const api = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./checkWorker.ts', import.meta.url).href;
  const boot = `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(boot, { eval: true, workerData: setup });
}

/** How often a stop flag set by a signal handler is looked at while the workers run. */
const STOP_POLL_MS = 25;

/**
 * Runs the jobs on `jobs` worker threads, handing each the next family (families) in order as it
 * gets free; every job runs whole in one thread with the run's seeds, after the jobs of its family
 * before it, so its result is the one a single thread would give. Resolves with the results by
 * position: all of them, or after a stop those finished or cut (each cut one `interrupted`). When a
 * job throws, no further job starts, the threads running jobs after it are stopped, and the error of
 * the first job that threw is thrown.
 */
export function runInWorkers(jobs: number, todo: readonly WorkerJob[], setup: WorkerSetup, o: RunInWorkersOptions = {}): Promise<Map<number, ClaimResult>> {
  return new Promise((resolve, reject) => {
    const results = new Map<number, ClaimResult>();
    const errors = new Map<number, ErrorMessage>();
    // The positions each busy worker still has to report.
    const running = new Map<Worker, Set<number>>();
    const groups = families(todo);
    // Instances are held per job and passed on once every job before it is done.
    const held = new Map<number, [Instance, Verdict, number][]>();
    let passed = 0;
    let next = 0;
    let stopping = false;
    let settled = false;
    const workers: Worker[] = [];

    const passOn = (all: boolean) => {
      if (o.onInstance === undefined) return;
      for (; passed < todo.length && (results.has(passed) || all); passed++) {
        for (const [inst, v, k] of held.get(passed) ?? []) o.onInstance(passed, inst, v, k);
        held.delete(passed);
      }
    };
    const finish = (e?: unknown) => {
      if (settled) return;
      settled = true;
      clearInterval(poll);
      const firstError = Math.min(...errors.keys());
      Promise.all(workers.map((w) => w.terminate())).then(
        () => {
          if (e !== undefined) reject(e);
          else if (errors.size > 0) reject(errorFromMessage(errors.get(firstError) as ErrorMessage));
          else {
            passOn(true);
            resolve(results);
          }
        },
        (te: unknown) => reject(e ?? te),
      );
    };
    const send = (w: Worker, m: ToWorker) => w.postMessage(m);
    /** The worker reported `pos`: when its family is done, it gets the next one (or the run ends). */
    const reported = (w: Worker, pos: number) => {
      const left = running.get(w);
      left?.delete(pos);
      if (left === undefined || left.size === 0) dispatch(w);
    };
    const dispatch = (w: Worker) => {
      running.delete(w);
      if (!stopping && errors.size === 0 && next < groups.length) {
        const group = groups[next++];
        running.set(w, new Set(group));
        for (const pos of group) send(w, { type: 'run', index: pos, id: todo[pos].id, runs: todo[pos].runs });
      } else if (running.size === 0) finish();
    };
    const stopAll = (after = -1) => {
      for (const [w, left] of running) if ([...left].some((pos) => pos > after)) send(w, { type: 'stop' });
    };
    const poll = setInterval(() => {
      if (o.stop?.requested === true && !stopping) {
        stopping = true;
        stopAll();
      }
    }, STOP_POLL_MS);

    for (let i = 0; i < Math.min(jobs, groups.length); i++) {
      const w = startWorker(setup);
      workers.push(w);
      w.on('message', (m: FromWorker) => {
        if (settled) return;
        switch (m.type) {
          case 'progress':
            o.onProgress?.(m.index, m.done, m.total);
            return;
          case 'instance': {
            const list = held.get(m.index) ?? [];
            list.push([m.instance, m.verdict, m.k]);
            held.set(m.index, list);
            return;
          }
          case 'result':
            results.set(m.index, m.result);
            if (m.result.interrupted) stopping = true;
            passOn(false);
            break;
          case 'error':
            errors.set(m.index, m.error);
            stopAll(m.index);
            break;
          case 'skipped':
            break;
        }
        reported(w, m.index);
      });
      w.on('error', (e) => finish(e));
      w.on('exit', (code) => {
        if (!settled) finish(new Error(`a check worker exited (code ${code}) before its claims were done`));
      });
      dispatch(w);
    }
    if (workers.length === 0) finish();
  });
}
