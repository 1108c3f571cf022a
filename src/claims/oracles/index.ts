export { ORACLE_CLAIMS } from './oracle.js';
