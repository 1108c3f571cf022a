import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readmeFalseClaim } from '../../test-support/readmeFalseClaim.js';
import { descentLemmaQuadratic } from '../claims/classical/classical.js';
import type { Claim } from '../claims/claim.js';
import { hunt } from './hunt.js';

const falseClaim = await readmeFalseClaim();

describe('hunt', () => {
  it('climbs to counterexamples of a false claim, shrinks them to κ just above 2 and writes them as found', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'eoscheck-hunt-'));
    const seen: string[] = [];
    const r = await hunt(falseClaim, { seed: 1, runs: 4, storeDir: dir, onCounterexample: (cx) => seen.push(cx.file as string) });
    expect(r.counterexamples.length).toBeGreaterThan(0);
    expect(seen).toEqual(r.counterexamples.map((c) => c.file));
    for (const f of seen) {
      const fx = JSON.parse(readFileSync(f, 'utf8'));
      expect(fx.verdict).toBe('violated');
      expect(Number(fx.instance.lr) * Number(fx.instance.eigen.values[0])).toBeGreaterThan(2);
    }
    expect(r.best?.margin).toBeLessThan(0);
  });

  it('is reproducible per climb: shards of the climbs find what one run finds', async () => {
    const opts = { seed: 2, runs: 4, steps: 30 };
    const whole = await hunt(descentLemmaQuadratic as unknown as Claim, opts);
    const a = await hunt(descentLemmaQuadratic as unknown as Claim, { ...opts, shard: { index: 1, count: 2 } });
    const b = await hunt(descentLemmaQuadratic as unknown as Claim, { ...opts, shard: { index: 2, count: 2 } });
    expect(a.candidates + b.candidates).toBe(whole.candidates);
    expect(a.evaluations + b.evaluations).toBe(whole.evaluations);
    expect(Math.min(a.best?.margin ?? Infinity, b.best?.margin ?? Infinity)).toBe(whole.best?.margin);
    // A true claim: climbing finds the tight case (L = λ_max along q_max), never a violation.
    expect(whole.counterexamples).toEqual([]);
    expect(whole.best?.margin).toBeLessThan(1e-3);
  });

  it('counts a check that threw apart: never a counterexample, never a fixture, never a step of a climb', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'eoscheck-hunt-'));
    // The false claim, with a check that throws on roughly half of the instances (those with an odd step count).
    const buggy: Claim = {
      ...falseClaim,
      id: 'example.buggy',
      check: (i, ctx) => {
        if ((i as { steps: number }).steps % 2 === 1) throw new TypeError('a bug in the check');
        return falseClaim.check(i, ctx);
      },
    };
    const r = await hunt(buggy, { seed: 1, runs: 3, steps: 20, storeDir: dir });
    expect(r.errors).toBeGreaterThan(0);
    expect(r.errors).toBeLessThan(r.candidates);
    expect(r.firstError?.verdict.stack).toMatch(/TypeError: a bug in the check/);
    expect(((r.firstError?.instance ?? {}) as { steps?: number }).steps).toSatisfy((n: number) => n % 2 === 1);
    expect(r.best?.evidence.code).not.toBe('check_threw');
    for (const cx of r.counterexamples) expect((cx.instance as { steps: number }).steps % 2).toBe(0);
    // Fixtures only of certified violations.
    const files = existsSync(join(dir, 'example.buggy')) ? readdirSync(join(dir, 'example.buggy')) : [];
    expect(files).toHaveLength(new Set(r.counterexamples.map((c) => c.file)).size);
  });

  it('stops between candidates when asked, and at the deadline', async () => {
    const stop = { requested: false };
    const r = await hunt(descentLemmaQuadratic as unknown as Claim, {
      seed: 1,
      runs: 100,
      stop,
      onClimb: () => {
        stop.requested = true;
      },
    });
    expect(r).toMatchObject({ interrupted: true, climbs: 1 });
    const t = await hunt(descentLemmaQuadratic as unknown as Claim, { seed: 1, deadline: performance.now() + 300 });
    expect(t.interrupted).toBe(false);
    expect(t.climbs).toBeGreaterThan(0);
  });
});
