import { afterAll, describe, expect, it } from 'vitest';
import { tf } from './tfjs.js';
import { activeBackend, BackendUnavailableError, selectBackend, type ModuleImporter } from './selectBackend.js';

const missing: ModuleImporter = async (s) => {
  throw Object.assign(new Error(`Cannot find package '${s}'`), { code: 'ERR_MODULE_NOT_FOUND' });
};
/** An importer that "loads" tfjs-node but registers nothing (a tfjs version mismatch). */
const registersNothing: ModuleImporter = async () => ({});

describe('selectBackend (--backend tensorflow|wasm|cpu)', () => {
  afterAll(async () => {
    await selectBackend('wasm');
  });

  it('defaults to wasm when @tensorflow/tfjs-node cannot be imported, and reports it', async () => {
    expect(await selectBackend(undefined, missing)).toBe('wasm');
    expect(activeBackend()).toBe('wasm');
  });

  it('selects cpu and wasm on request', async () => {
    expect(await selectBackend('cpu')).toBe('cpu');
    expect(activeBackend()).toBe('cpu');
    expect(await selectBackend('wasm')).toBe('wasm');
    expect(activeBackend()).toBe('wasm');
  });

  it('the real default here: tensorflow only if tfjs-node is installed, else wasm', async () => {
    let installed = true;
    try {
      await import('@tensorflow/tfjs-node' as string);
    } catch {
      installed = false;
    }
    expect(await selectBackend()).toBe(installed ? 'tensorflow' : 'wasm');
  });

  it('defaults to tensorflow when @tensorflow/tfjs-node can be imported (simulated: an import that registers a backend of that name)', async () => {
    const fakeNode: ModuleImporter = async () => {
      // A stand-in for tfjs-node's registration; selectBackend only activates it, no op runs on it.
      tf.registerBackend('tensorflow', () => ({ dispose() {}, floatPrecision: () => 32, epsilon: () => 1e-7 }) as unknown as tf.KernelBackend);
      return {};
    };
    try {
      expect(await selectBackend(undefined, fakeNode)).toBe('tensorflow');
      expect(activeBackend()).toBe('tensorflow');
    } finally {
      await selectBackend('wasm');
      tf.removeBackend('tensorflow');
    }
    expect(tf.findBackendFactory('tensorflow')).toBeNull();
  });

  it('a requested tensorflow backend that is missing is an error naming the option and the remedy', async () => {
    const err = await selectBackend('tensorflow', missing).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BackendUnavailableError);
    expect((err as BackendUnavailableError).code).toBe('EOSCHECK_BACKEND_UNAVAILABLE');
    expect((err as Error).message).toMatch(/--backend tensorflow is unavailable: tensorflow: @tensorflow\/tfjs-node cannot be imported/);
    expect((err as Error).message).toMatch(/npm install @tensorflow\/tfjs-node.*--backend wasm/);
    const err2 = await selectBackend('tensorflow', registersNothing).catch((e: unknown) => e);
    expect((err2 as Error).message).toMatch(/registered no 'tensorflow' backend/);
  });

  it('an unknown backend name is an error listing the choices', async () => {
    await expect(selectBackend('webgpu' as never)).rejects.toThrow(/--backend must be one of tensorflow, wasm, cpu, got 'webgpu'/);
  });
});
