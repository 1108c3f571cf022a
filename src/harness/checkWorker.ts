import { parentPort, workerData } from 'node:worker_threads';
import type { Claim } from '../claims/claim.js';
import { loadClaims } from './loadClaims.js';
import { runClaim, type StopFlag } from './runClaim.js';
import { errorToMessage, type FromWorker, type ToWorker, type WorkerSetup } from './workerMessages.js';

/**
 * One thread of `check --jobs N` (runInWorkers.ts): it loads the built-in catalog and the claims
 * files itself (claims hold functions, which cannot cross threads), then runs each claim it is
 * handed whole, with the run's options, and posts back progress, instances and the claim's result.
 * A `stop` message sets its stop flag: the claim running ends at its next instance boundary.
 */
const port = parentPort;
if (port === null) throw new Error('checkWorker.ts runs as a worker thread (runInWorkers.ts starts it)');
const setup = workerData as WorkerSetup;
const stop: StopFlag = { requested: false };
const post = (m: FromWorker) => port.postMessage(m);

let byId: Map<string, Claim> | undefined;
// Messages are handled one after the other: a claim handed over while another runs waits for it.
let queue = Promise.resolve();

async function handle(m: ToWorker): Promise<void> {
  if (m.type !== 'run') return;
  const { index, id, runs } = m;
  try {
    byId ??= new Map((await loadClaims(setup.claimsFiles)).map((c) => [c.id, c]));
    const claim = byId.get(id);
    if (claim === undefined) throw new Error(`claim "${id}" is neither built in nor in ${JSON.stringify(setup.claimsFiles)}`);
    if (stop.requested) {
      post({ type: 'skipped', index });
      return;
    }
    const result = await runClaim(claim, {
      ...setup.options,
      runs,
      mode: 'claim',
      stop,
      ...(setup.progress ? { onProgress: (done: number, total: number) => post({ type: 'progress', index, done, total }) } : {}),
      ...(setup.instances ? { onInstance: (instance, verdict, k) => post({ type: 'instance', index, instance, verdict, k }) } : {}),
    });
    post({ type: 'result', index, result });
  } catch (e) {
    post({ type: 'error', index, error: errorToMessage(e) });
    // As in one thread, nothing runs after a claim that threw: the rest of its family is skipped.
    stop.requested = true;
  }
}

port.on('message', (m: ToWorker) => {
  // A stop takes effect at once, not after the queued claims.
  if (m.type === 'stop') stop.requested = true;
  else queue = queue.then(() => handle(m));
});
