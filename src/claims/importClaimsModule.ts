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

/** Registers tsx (for TypeScript) and the hooks above, once per process: claims files load only through them. */
async function registerClaimsHooks(): Promise<void> {
  if (registered) return;
  registered = true;
  // tsx first: hooks registered later run first, so ours see tsx's answer and can correct it.
  const tsx = await import('tsx/esm/api');
  tsx.register();
  register(`data:text/javascript,${encodeURIComponent(HOOKS)}`, { data: { own: import.meta.url } });
}

/** Imports a claims module (TypeScript or JavaScript) by its absolute path. */
export async function importClaimsModule(path: string): Promise<Record<string, unknown>> {
  await registerClaimsHooks();
  return (await import(pathToFileURL(path).href)) as Record<string, unknown>;
}
