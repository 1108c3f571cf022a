import { UsageError } from '../errors.js';
import type { ObserverFactory } from '../dynamics/observer.js';
import { balancednessObserver } from './balancednessObserver.js';
import { catapultObserver } from './catapultObserver.js';
import { edgeCrossingObserver } from './edgeCrossingObserver.js';
import { edgeMarginObserver } from './edgeMarginObserver.js';
import { gradNormObserver } from './gradNormObserver.js';
import { lossObserver } from './lossObserver.js';
import { referenceDistanceObserver } from './referenceDistanceObserver.js';
import { rotationObserver } from './rotationObserver.js';
import { rotationPolarityObserver } from './rotationPolarityObserver.js';
import { selfStabilizationObserver } from './selfStabilizationObserver.js';
import { sharpnessObserver } from './sharpnessObserver.js';

/** Every built-in observer by id (a Map: an id such as `constructor` or `__proto__` is simply unknown). */
export const OBSERVERS: ReadonlyMap<string, () => ObserverFactory> = new Map(
  Object.entries({
    loss: lossObserver,
    sharpness: sharpnessObserver,
    gradNorm: gradNormObserver,
    edgeMargin: edgeMarginObserver,
    rotation: rotationObserver,
    rotationPolarity: rotationPolarityObserver,
    referenceDistance: referenceDistanceObserver,
    selfStabilization: selfStabilizationObserver,
    balancedness: () => balancednessObserver(),
    edgeCrossing: () => edgeCrossingObserver(),
    catapult: catapultObserver,
  }),
);

/** The observers behind the `trace --json` row contract: loss, sharpness, gradNorm. */
export function defaultObservers(): ObserverFactory[] {
  return [lossObserver(), sharpnessObserver(), gradNormObserver()];
}

/** Observers by id, in the order given; an unknown id is a UsageError listing the known ones. */
export function observersByName(ids: readonly string[]): ObserverFactory[] {
  return ids.map((id) => {
    const make = OBSERVERS.get(id);
    if (make === undefined) throw new UsageError(`unknown observer "${id}" (known: ${[...OBSERVERS.keys()].join(', ')})`, 'observers');
    return make();
  });
}
