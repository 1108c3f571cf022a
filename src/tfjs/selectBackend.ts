import { tf } from './tfjs.js';

/** The tfjs backends eoscheck can run on (`--backend`). */
export type BackendName = 'tensorflow' | 'wasm' | 'cpu';

export const BACKENDS: readonly BackendName[] = Object.freeze(['tensorflow', 'wasm', 'cpu']);

/** The optional native package; never a dependency of eoscheck (ecosystem.md §2): loaded when the user installed it. */
const TFJS_NODE = '@tensorflow/tfjs-node';

/** A requested backend cannot be used here. `code` is stable for scripts and reports. */
export class BackendUnavailableError extends Error {
  readonly code = 'EOSCHECK_BACKEND_UNAVAILABLE';
  readonly backend: string;
  constructor(backend: string, message: string) {
    super(message);
    this.name = 'BackendUnavailableError';
    this.backend = backend;
  }
}

/** How a module is imported (injectable so tests can simulate an installed or missing tfjs-node). */
export type ModuleImporter = (specifier: string) => Promise<unknown>;

const defaultImporter: ModuleImporter = (s) => import(s);

async function tryTensorflow(importer: ModuleImporter): Promise<string | undefined> {
  if (tf.findBackendFactory('tensorflow') === null) {
    try {
      await importer(TFJS_NODE);
    } catch (e) {
      return `${TFJS_NODE} cannot be imported (${(e as Error).message.split('\n')[0]})`;
    }
    if (tf.findBackendFactory('tensorflow') === null) {
      return `${TFJS_NODE} was imported but registered no 'tensorflow' backend with this copy of @tensorflow/tfjs (its version must equal @tensorflow/tfjs ${tf.version.tfjs})`;
    }
  }
  return undefined;
}

async function activate(name: BackendName): Promise<string | undefined> {
  try {
    const ok = await tf.setBackend(name);
    if (!ok) return `tf.setBackend('${name}') failed to initialise the backend`;
    await tf.ready();
    return tf.getBackend() === name ? undefined : `the active backend is '${tf.getBackend()}' after tf.setBackend('${name}')`;
  } catch (e) {
    return `initialising the ${name} backend threw: ${(e as Error).message}`;
  }
}

/**
 * Makes a tfjs backend active and returns its name — the `--backend tensorflow|wasm|cpu` option.
 *
 * - With `requested`, that backend or a {@link BackendUnavailableError} naming `--backend` and the
 *   alternatives. `tensorflow` needs the optional `@tensorflow/tfjs-node` (imported dynamically;
 *   it is not a dependency of eoscheck, and its install script downloads libtensorflow).
 * - Without it, the fastest one available: `tensorflow` when `@tensorflow/tfjs-node` can be
 *   imported, else `wasm`, else `cpu`.
 *
 * tfjs has one global active backend: the last call wins for every model in the process.
 */
export async function selectBackend(requested?: BackendName, importer: ModuleImporter = defaultImporter): Promise<BackendName> {
  if (requested !== undefined && !BACKENDS.includes(requested)) {
    throw new BackendUnavailableError(String(requested), `--backend must be one of ${BACKENDS.join(', ')}, got '${String(requested)}'`);
  }
  const order: BackendName[] = requested !== undefined ? [requested] : [...BACKENDS];
  const why: string[] = [];
  for (const name of order) {
    const missing = name === 'tensorflow' ? await tryTensorflow(importer) : undefined;
    const reason = missing ?? (await activate(name));
    if (reason === undefined) return name;
    why.push(`${name}: ${reason}`);
  }
  if (requested === 'tensorflow') {
    throw new BackendUnavailableError(
      'tensorflow',
      `--backend tensorflow is unavailable: ${why.join('; ')}. Install it with \`npm install ${TFJS_NODE}\` ` +
        '(its install script downloads libtensorflow), or use --backend wasm (the default without it) or --backend cpu.',
    );
  }
  throw new BackendUnavailableError(
    requested ?? 'default',
    `--backend ${requested ?? '(default)'} is unavailable: ${why.join('; ')}. Try --backend ${requested === 'wasm' ? 'cpu' : 'wasm'}.`,
  );
}

/** The active tfjs backend (as reported in every result). */
export function activeBackend(): string {
  return tf.getBackend();
}
