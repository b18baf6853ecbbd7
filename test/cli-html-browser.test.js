// The HTML view, rendered by the CLI and checked in a real browser: headless Chromium (Debian's
// `chromium` package) driven by playwright-core. Skipped when /usr/bin/chromium is not installed.
import test from 'ava';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const CHROMIUM = '/usr/bin/chromium';
const bin = fileURLToPath(new URL('../bin/aalam.js', import.meta.url));
const sample = fileURLToPath(new URL('../corpus/sample/', import.meta.url));
const artifacts = fileURLToPath(new URL('artifacts/', import.meta.url));
const run = (args) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });

const title = 'the HTML view in headless Chromium: right-to-left, one highlight per entity, screenshot';
if (!existsSync(CHROMIUM)) {
  test.skip(`${title} (no ${CHROMIUM}: apt-get install chromium)`, () => {});
} else {
  test(title, async (t) => {
    mkdirSync(artifacts, { recursive: true });
    const html = `${artifacts}html-sample.html`;
    const r = run(['annotate', sample, '--format', 'html', '--output', html]);
    t.is(r.status, 0, r.stderr);
    const results = run(['annotate', sample, '--format', 'jsonl']).stdout.trim().split('\n').map((l) => JSON.parse(l));
    const entities = results.reduce((n, r) => n + r.entities.length, 0);
    const topics = results.reduce((n, r) => n + (Array.isArray(r.topics) ? r.topics.length : 0), 0);
    t.true(entities > 10);

    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
      const network = [];
      await page.route('**/*', (route) => {
        const url = route.request().url();
        if (url.startsWith('file:')) return route.continue();
        network.push(url);
        return route.abort();
      });
      await page.goto(pathToFileURL(html).href, { waitUntil: 'load' });

      t.is(await page.locator('mark.ent').count(), entities);
      t.is(await page.evaluate(() => document.documentElement.dir), 'rtl');
      t.is(await page.evaluate(() => getComputedStyle(document.querySelector('.text')).direction), 'rtl');
      t.is(await page.locator('article.doc').count(), 3);
      t.is(await page.locator('ul.legend li').count(), 4);
      t.is(await page.locator('ul.topics li').count(), topics); // shown when the annotator reports topics
      // Every highlight is laid out, and the types have different colours.
      const boxes = await page.locator('mark.ent').evaluateAll((ms) => ms.map((m) => m.getClientRects().length));
      t.true(boxes.every((n) => n > 0));
      const colours = await page.evaluate(() => Object.fromEntries(['PER', 'LOC', 'ORG'].map((ty) => {
        const m = document.querySelector(`mark.ent-${ty}`);
        return [ty, m ? getComputedStyle(m).backgroundColor : null];
      })));
      t.is(new Set(Object.values(colours)).size, 3, JSON.stringify(colours));
      // Hover text: English name and id.
      const hover = await page.locator('mark.ent[data-id^="loc/"]').first().getAttribute('title');
      t.regex(hover, /^[A-Z][^·]+ · loc\/[a-z0-9-]+ · LOC/);
      t.deepEqual(network, []);

      const shot = `${artifacts}html-sample.png`;
      await page.screenshot({ path: shot });
      t.true(statSync(shot).size > 10_000);
      t.log(`screenshot: ${shot}`);
    } finally {
      await browser.close();
    }
  });
}
