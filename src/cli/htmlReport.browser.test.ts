import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from './run.js';

/**
 * Acceptance: a report generated from a run with a counterexample opens in headless
 * Chromium (Debian's, driven by playwright-core) with no console errors, no request leaving
 * file://, and every plot drawn; the screenshot is saved as a CI artifact at SCREENSHOT (the README
 * names it), next to the page itself (out/report/index.html).
 * Without Chromium the test is skipped, unless EOSCHECK_BROWSER=1 (set by .ci/run) requires it.
 */
const CHROMIUM = process.env.EOSCHECK_CHROMIUM ?? '/usr/bin/chromium';
const REQUIRED = process.env.EOSCHECK_BROWSER === '1';
const HAVE = existsSync(CHROMIUM);
export const SCREENSHOT = 'out/report-screenshot.png';
const REPORT_DIR = 'out/report';
/** The flags the node machine notes give for headless Chromium here (as root, on a closed network). */
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

async function cli(...argv: string[]) {
  let err = '';
  const code = await run(argv, { write: () => true }, { write: (s: string) => (err += s) });
  return { code, err };
}

const title =
  HAVE || REQUIRED
    ? 'a report with a counterexample opens in headless Chromium: no console errors, every plot drawn, screenshot saved'
    : `SKIPPED: no Chromium at ${CHROMIUM} (apt-get install chromium; EOSCHECK_BROWSER=1 makes this test required)`;

if (!HAVE && !REQUIRED) console.warn(`htmlReport.browser.test.ts: ${title}`);

interface DrawnPlot {
  readonly closest: boolean;
  readonly width: number;
  readonly height: number;
  readonly lines: number;
  readonly rules: number;
  readonly texts: number;
}

// One Chromium for both tests (starting it is a second or more); each page opens in a fresh context of its own.
let browser: Promise<Browser> | undefined;
afterAll(async () => {
  await (await browser)?.close();
});

/** Opens a report page in headless Chromium: what went wrong (console, page errors, network) and what each plot drew. */
async function openInChromium(page: string, screenshot?: string): Promise<{ problems: string[]; plots: DrawnPlot[] }> {
  browser ??= import('playwright-core').then(({ chromium }) => chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS }));
  const context = await (await browser).newContext({ viewport: { width: 1200, height: 900 } });
  try {
    const problems: string[] = [];
    const tab = await context.newPage();
    tab.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`);
    });
    tab.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    tab.on('requestfailed', (q) => problems.push(`request failed: ${q.url()}`));
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('file:')) return route.continue();
      problems.push(`network request: ${url}`);
      return route.abort();
    });
    await tab.goto(pathToFileURL(page).href, { waitUntil: 'load' });
    // Runs in the page (a string: the project compiles without the DOM library).
    const plots = (await tab.evaluate(`[...document.querySelectorAll('figure.plot > svg')].map((svg) => {
      const box = svg.getBoundingClientRect();
      const lines = [...svg.querySelectorAll('g.mark-line path')].filter((p) => (p.getAttribute('d') ?? '').length > 3 && p.getBBox().width > 0);
      return { closest: svg.closest('section.closest') !== null, width: box.width, height: box.height, lines: lines.length,
        rules: svg.querySelectorAll('g.mark-rule line').length, texts: svg.querySelectorAll('text').length };
    })`)) as DrawnPlot[];
    if (screenshot !== undefined) {
      mkdirSync('out', { recursive: true });
      await tab.screenshot({ path: screenshot, fullPage: true });
    }
    return { problems, plots };
  } finally {
    await context.close();
  }
}

/** A trajectory plot drawn in full: loss and sharpness lines, rules, labels. */
function expectDrawn(p: DrawnPlot): void {
  expect(p.width).toBeGreaterThan(300);
  expect(p.height).toBeGreaterThan(300);
  expect(p.lines).toBeGreaterThanOrEqual(2); // loss and sharpness
  expect(p.rules).toBeGreaterThan(0); // the 2/η line, events, axes
  expect(p.texts).toBeGreaterThan(10);
}

describe('the HTML report in a real browser', () => {
  it.skipIf(!HAVE && !REQUIRED)(title, async () => {
    expect(HAVE, `EOSCHECK_BROWSER=1 requires Chromium at ${CHROMIUM} (apt-get install chromium)`).toBe(true);
    const tmp = mkdtempSync(join(tmpdir(), 'eoscheck-browser-'));
    const claims = 'properties/examples/falseClaim.ts';
    const results = join(tmp, 'results.json');
    const c = await cli(
      'check',
      'example.quadratic.monotone-below-3-over-lambda',
      '--claims',
      claims,
      '--runs',
      '20',
      '--fixtures',
      join(tmp, 'fx'),
      '--json',
      results,
    );
    expect(c.code, c.err).toBe(1); // violated, with counterexamples
    rmSync(REPORT_DIR, { recursive: true, force: true });
    const r = await cli('report', results, '--html', REPORT_DIR, '--claims', claims);
    expect(r.code, r.err).toBe(0);
    const page = resolve(REPORT_DIR, 'index.html');
    const sections = readFileSync(page, 'utf8').match(/<section class="cx"/g)?.length ?? 0;
    expect(sections).toBeGreaterThan(0);

    const { problems, plots } = await openInChromium(page, SCREENSHOT);
    expect(problems).toEqual([]);
    expect(plots).toHaveLength(sections); // every counterexample of this claim has a trajectory
    for (const p of plots) expectDrawn(p);
    expect(readFileSync(SCREENSHOT).subarray(1, 4).toString()).toBe('PNG');
  });

  it.skipIf(!HAVE && !REQUIRED)("a report of a run where every claim holds shows each claim's closest call, plotted", async () => {
    expect(HAVE, `EOSCHECK_BROWSER=1 requires Chromium at ${CHROMIUM} (apt-get install chromium)`).toBe(true);
    const tmp = mkdtempSync(join(tmpdir(), 'eoscheck-browser-'));
    const c = await cli('check', 'classical.*', '--runs', '10', '--fixtures', join(tmp, 'fx'), '--report', join(tmp, 'report'));
    expect(c.code, c.err).toBe(0);
    const { problems, plots } = await openInChromium(join(tmp, 'report', 'index.html'));
    expect(problems).toEqual([]);
    // One closest call per claim (three classical claims), each with its trajectory drawn.
    expect(plots.filter((p) => p.closest)).toHaveLength(3);
    for (const p of plots) expectDrawn(p);
  });
});
