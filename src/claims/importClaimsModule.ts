import { register } from 'node:module';
import { pathToFileURL } from 'node:url';

/**
 * Module hooks for claims files (plain JavaScript, registered as a data: URL so they load the same
 * way from the compiled package and from the sources):
 * - `eoscheck` and `fast-check` resolve from eoscheck's own install when the claims file's folder
 *   has neither (a claims file next to a project that only installed eoscheck, or anywhere else);
 * - a `.ts` file outside node_modules is an ES module even without `"type": "module"` beside it
 *   (claims files export with `export`; read as CommonJS they would fail in an import cycle).
 */
const HOOKS = `
let own;
export function initialize(data) { own = data.own; }
const fallback = (s) => s === 'eoscheck' || s.startsWith('eoscheck/') || s === 'fast-check' || s.startsWith('fast-check/');
const userTs = (url) => url.startsWith('file:') && /\\.ts$/.test(new URL(url).pathname) && !url.includes('/node_modules/');
export async function resolve(specifier, context, next) {
  let r;
  try {
    r = await next(specifier, context);
  } catch (e) {
    if (e?.code !== 'ERR_MODULE_NOT_FOUND' || !fallback(specifier) || context.parentURL === own) throw e;
    r = await next(specifier, { ...context, parentURL: own });
  }
  return r.format === 'commonjs' && userTs(r.url) ? { ...r, format: 'module' } : r;
}
`;

let registered = false;

let tsxRegistered = false;

/**
 * Registers the hooks above once per process, and tsx (about 0.1 s) the first time a TypeScript
 * file is loaded: claims files load only through them.
 */
async function registerClaimsHooks(typescript: boolean): Promise<void> {
  if (typescript && !tsxRegistered) {
    tsxRegistered = true;
    (await import('tsx/esm/api')).register();
    // Hooks registered later run first: ours are registered again after tsx, to see and correct its answers.
    registered = false;
  }
  if (registered) return;
  registered = true;
  register(`data:text/javascript,${encodeURIComponent(HOOKS)}`, { data: { own: import.meta.url } });
}

/** Imports a claims module (TypeScript or JavaScript) by its absolute path. */
export async function importClaimsModule(path: string): Promise<Record<string, unknown>> {
  await registerClaimsHooks(/\.[cm]?ts$/.test(path));
  return (await import(pathToFileURL(path).href)) as Record<string, unknown>;
}
