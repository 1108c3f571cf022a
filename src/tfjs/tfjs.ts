/**
 * The one place that loads TensorFlow.js (ecosystem.md §3): the union package `@tensorflow/tfjs`
 * (tfjs-core alone registers no gradients in Node), then the wasm backend, which registers itself.
 * Every other file of src/tfjs imports `tf` from here, so the import order holds everywhere.
 * Production mode silences the cpu backend's one-time "install tfjs-node" notice.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';

tf.enableProdMode();

export { tf };
