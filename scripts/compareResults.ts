/**
 * `tsx scripts/compareResults.ts A.json B.json`: compares two `check --json` reports (or two
 * outcome dumps of scripts/claimOutcomes.ts) claim by claim, ignoring the timing field `ms`.
 * Prints each claim whose record differs and exits 1 if any does, 0 if the two agree.
 */
import { readFileSync } from 'node:fs';

/** The value with every `ms` key removed, at any depth. */
export function withoutMs(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(withoutMs);
  if (v !== null && typeof v === 'object') {
    return Object.fromEntries(
      Object.entries(v)
        .filter(([k]) => k !== 'ms')
        .map(([k, x]) => [k, withoutMs(x)]),
    );
  }
  return v;
}

/** The ids (or indices) of the claims whose records differ, plus `(header)` when the rest does. */
export function compareReports(a: unknown, b: unknown): string[] {
  const ra = withoutMs(a) as { claims?: { id?: string }[] };
  const rb = withoutMs(b) as { claims?: { id?: string }[] };
  const out: string[] = [];
  const ca = ra.claims ?? [];
  const cb = rb.claims ?? [];
  const n = Math.max(ca.length, cb.length);
  for (let i = 0; i < n; i++) {
    if (JSON.stringify(ca[i]) !== JSON.stringify(cb[i])) out.push(ca[i]?.id ?? cb[i]?.id ?? String(i));
  }
  if (JSON.stringify({ ...ra, claims: null }) !== JSON.stringify({ ...rb, claims: null })) out.push('(header)');
  return out;
}

if (process.argv[1] !== undefined && import.meta.filename === process.argv[1]) {
  const [fa, fb] = process.argv.slice(2);
  if (fa === undefined || fb === undefined) {
    console.error('usage: tsx scripts/compareResults.ts A.json B.json');
    process.exit(2);
  }
  const a = JSON.parse(readFileSync(fa, 'utf8')) as { claims?: unknown[] };
  const b = JSON.parse(readFileSync(fb, 'utf8')) as { claims?: unknown[] };
  const diff = compareReports(a, b);
  for (const id of diff) {
    const pick = (r: { claims?: unknown[] }) => (withoutMs((r.claims ?? []).find((c) => (c as { id?: string }).id === id)) ?? {}) as Record<string, unknown>;
    const ca = pick(a);
    const cb = pick(b);
    const fields = [...new Set([...Object.keys(ca), ...Object.keys(cb)])].filter((k) => JSON.stringify(ca[k]) !== JSON.stringify(cb[k]));
    console.log(`differs: ${id} (${fields.map((k) => `${k}: ${JSON.stringify(ca[k])?.slice(0, 300)} → ${JSON.stringify(cb[k])?.slice(0, 300)}`).join('; ')})`);
  }
  console.log(diff.length === 0 ? `same (${(a.claims ?? []).length} claims, ms ignored)` : `${diff.length} claim(s) differ`);
  process.exit(diff.length === 0 ? 0 : 1);
}
