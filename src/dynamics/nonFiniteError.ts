// The trajectory runner's "diverged" signal is the library-wide NonFiniteError (eigensolvers and
// inspectPoint throw it too); re-exported here for the dynamics layer's existing imports.
export { NonFiniteError } from '../errors.js';
