/**
 * Screenshots of every page type at desktop and phone widths, to look at the site with your own
 * eyes: `[AS_OF=2026-12-01] [SLICES=1] [PRINT=1] [ONLY=agenda,client] npx node tests/e2e/screenshots.ts [dist] [out] [client id]`.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CONTEXT_DEFAULTS, launch } from './browser.ts';

const dist = path.resolve(process.argv[2] ?? 'dist');
const out = path.resolve(process.argv[3] ?? '.tmp/screenshots');
const client = process.argv[4] ?? 'hanks-hardware';
const only = process.env.ONLY?.split(',');
const pages: [string, string][] = ([
  ['agenda', 'index.html'],
  ['clients', 'clients/index.html'],
  ['client', `clients/${client}/index.html`],
  ['client-roadmap', `clients/${client}/roadmap/index.html`],
  ['meeting-sheet', `clients/${client}/meeting-sheet/index.html`],
  ['roadmap', 'roadmap/index.html'],
  ['health', 'health/index.html'],
] as [string, string][]).filter(([label]) => !only || only.includes(label));
await mkdir(out, { recursive: true });
for (const [name, viewport] of [
  ['desktop', { width: 1280, height: 900 }],
  ['phone', { width: 390, height: 844 }],
] as const) {
  const browser = await launch();
  const context = await browser.newContext({ ...CONTEXT_DEFAULTS, viewport });
  // Read on the day the site was built for (AS_OF=YYYY-MM-DD), so the agenda is not regrouped.
  if (process.env.AS_OF) await context.clock.setFixedTime(new Date(`${process.env.AS_OF}T12:00:00-07:00`));
  const page = await context.newPage();
  for (const [label, file] of pages) {
    const response = await page.goto(pathToFileURL(path.join(dist, file)).href).catch(() => null);
    if (!response) continue;
    await page.screenshot({ path: path.join(out, `${label}-${name}.png`), fullPage: true });
    if (process.env.SLICES) {
      // Full-size slices, for reading details that a scaled-down full page hides.
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      const slice = viewport.height;
      for (let i = 0; i * slice < height && i < 8; i++) {
        await page.screenshot({
          path: path.join(out, `${label}-${name}-${i + 1}.png`),
          fullPage: true,
          clip: { x: 0, y: i * slice, width: viewport.width, height: Math.min(slice, height - i * slice) },
        });
      }
    }
    if (name === 'desktop' && process.env.PRINT) {
      await page.emulateMedia({ media: 'print' });
      await page.screenshot({ path: path.join(out, `${label}-print.png`), fullPage: true });
      await page.emulateMedia({ media: 'screen' });
    }
  }
  await browser.close();
}
console.log(`Screenshots in ${out}`);
