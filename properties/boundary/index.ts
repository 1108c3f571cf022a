import { AGARWALA_BOUNDARIES } from './agarwala.js';
import { ARORA_BOUNDARIES } from './arora.js';
import type { Boundary } from './boundary.js';
import { CHEN_BOUNDARIES } from './chen.js';
import { CLASSICAL_BOUNDARIES } from './classical.js';
import { COHEN_BOUNDARIES } from './cohen.js';
import { DAMIAN_BOUNDARIES } from './damian.js';
import { EVEN_BOUNDARIES } from './even.js';
import { KREISLER_BOUNDARIES } from './kreisler.js';
import { ORACLE_BOUNDARIES } from './oracles.js';
import { LEWKOWYCZ_BOUNDARIES } from './lewkowycz.js';
import { WANG_ROBERTS_BOUNDARIES } from './wangRoberts.js';
import { WANG_ROBERTS_STATISTICAL_BOUNDARIES } from './wangRobertsStatistical.js';
import { WXZT_BOUNDARIES } from './wangXuZhaoTao.js';
import { ZHU_BOUNDARIES } from './zhu.js';

/** Every boundary control, by paper. */
export const BOUNDARIES: readonly Boundary[] = [
  ...DAMIAN_BOUNDARIES,
  ...ARORA_BOUNDARIES,
  ...WANG_ROBERTS_BOUNDARIES,
  ...WANG_ROBERTS_STATISTICAL_BOUNDARIES,
  ...WXZT_BOUNDARIES,
  ...KREISLER_BOUNDARIES,
  ...CLASSICAL_BOUNDARIES,
  ...ORACLE_BOUNDARIES,
  ...ZHU_BOUNDARIES,
  ...LEWKOWYCZ_BOUNDARIES,
  ...CHEN_BOUNDARIES,
  ...EVEN_BOUNDARIES,
  ...COHEN_BOUNDARIES,
  ...AGARWALA_BOUNDARIES,
];
