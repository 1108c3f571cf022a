import { mkdtempSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../errors.js';
import { instanceHash } from './canonicalJson.js';
import type { Fixture } from './fixture.js';
import { claimDirOf, listFixtures, readFixture, writeFixture } from './fixtureStore.js';

const fixture = (over: Partial<Fixture> = {}): Fixture => ({
  claim: 'test.claim',
  version: '0.1.0',
  instance: { model: 'quadratic', theta: ['1'], lr: '2.001' },
  verdict: 'violated',
  precision: 'dec:80',
  observed: 0.5,
  bound: 0,
  margin: -0.5,
  seed: 7,
  path: '3:0:1',
  shrinks: 2,
  createdAt: '2026-01-01T00:00:00.000Z',
  ...over,
});

describe('the counterexample store', () => {
  it('builds paths only from claim ids that are one path component: a forged id cannot leave the directory', () => {
    const root = mkdtempSync(join(tmpdir(), 'eoscheck-fx-'));
    const dir = join(root, 'store');
    for (const id of ['../../../elsewhere/x', '..', '.', '', 'a/b', '.hidden', 'a\\b', 'x\0y']) {
      expect(() => writeFixture(dir, fixture({ claim: id })), JSON.stringify(id)).toThrow(UsageError);
      expect(() => listFixtures(dir, id), JSON.stringify(id)).toThrow(/cannot name a fixture directory/);
    }
    expect(readdirSync(root)).toEqual([]); // nothing written anywhere
    expect(claimDirOf(dir, 'kreisler.gfs-1')).toBe(join(dir, 'kreisler.gfs-1'));
  });

  it('writes <dir>/<claim>/<12 hex of the instance hash>.json, atomically (no temporary file left), and lists it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'eoscheck-fx-'));
    const fx = fixture();
    const w = writeFixture(dir, fx);
    expect(w).toEqual({ file: join(dir, 'test.claim', `${instanceHash(fx.instance)}.json`), created: true });
    expect(readdirSync(join(dir, 'test.claim'))).toEqual([`${instanceHash(fx.instance)}.json`]);
    expect(JSON.parse(readFileSync(w.file, 'utf8'))).toEqual(fx);
    expect(Object.keys(JSON.parse(readFileSync(w.file, 'utf8'))).slice(0, 12)).toEqual([
      'claim',
      'version',
      'instance',
      'verdict',
      'precision',
      'observed',
      'bound',
      'margin',
      'seed',
      'path',
      'shrinks',
      'createdAt',
    ]);
    expect(listFixtures(dir, 'test.claim')).toEqual([w.file]);
    expect(listFixtures(dir, 'other.claim')).toEqual([]);
    expect(readFixture(w.file)).toEqual(fx);
  });

  it('keeps an existing fixture of the same instance (its createdAt and hand-written why survive)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'eoscheck-fx-'));
    const first = writeFixture(dir, fixture({ why: 'hand-written' }));
    const again = writeFixture(dir, fixture({ createdAt: '2027-01-01T00:00:00.000Z' }));
    expect(again).toEqual({ file: first.file, created: false });
    expect(readFixture(first.file).why).toBe('hand-written');
  });

  it('rejects malformed fixtures with one line naming the file and the field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'eoscheck-fx-'));
    mkdirSync(join(dir, 'c'));
    const cases: [string, RegExp][] = [
      ['{"claim": ', /invalid JSON/],
      ['[]', /top level must be an object/],
      [JSON.stringify({ ...fixture(), instance: undefined }), /"instance" must be an object/],
      [JSON.stringify({ ...fixture(), instance: { theta: ['1'] } }), /"instance.model"/],
      [JSON.stringify({ ...fixture(), instance: { model: 'quadratic', lr: 0.1 } }), /instance\.lr is the number 0\.1/],
      [JSON.stringify({ ...fixture(), verdict: 'maybe' }), /"verdict" must be one of/],
      [JSON.stringify({ ...fixture(), precision: 'f32' }), /"precision" is "f32"/],
      [JSON.stringify({ ...fixture(), shrinks: -1 }), /"shrinks"/],
      [JSON.stringify({ ...fixture(), expected: 'sometimes' }), /"expected"/],
    ];
    cases.forEach(([text, re], i) => {
      const f = join(dir, 'c', `${i}.json`);
      writeFileSync(f, text);
      let err: unknown;
      try {
        readFixture(f, '--fixtures');
      } catch (e) {
        err = e;
      }
      expect(err, text).toBeInstanceOf(UsageError);
      expect((err as Error).message).toMatch(re);
      expect((err as Error).message).toContain(f);
      expect((err as Error).message.split('\n')).toHaveLength(1);
    });
    expect(() => readFixture(join(dir, 'missing.json'))).toThrow(/cannot read .*ENOENT/);
  });
});
