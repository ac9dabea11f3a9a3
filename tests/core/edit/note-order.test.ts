/**
 * Where `note` puts a note dated the same day as one already in the file (issue 10 §13): after it in
 * an oldest-first file (the file reads in the order things happened), above it in a newest-first one
 * (the newest on top). Bytes on disk, through the real command.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { outdent } from 'outdent';
import { describe, expect, test } from 'vitest';
import { run } from '../../helpers/cli.ts';
import { client, tempPortfolios } from '../../helpers/portfolio.ts';

const portfolio = tempPortfolios();

/** `note` on acme.md with `body`; returns the body after it. */
async function noteOn(body: string, on: string, text: string): Promise<string> {
  const head = client('name: Acme');
  const dir = await portfolio({ 'acme.md': head + body });
  const result = await run(['note', 'acme', text, '--on', on, '--dir', '.'], dir);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  const after = await readFile(path.join(dir, 'acme.md'), 'utf8');
  expect(after.startsWith(head)).toBe(true);
  return after.slice(head.length);
}

const OLDEST_FIRST = outdent`

  ## 2026-06-01 First visit
  Inventory.

  ## 2026-11-24 Morning call
  The printer is down.

  ## 2026-12-15 Server install
  Planned.

  ## History
  Undated.

`;

describe('a note on a day that already has one', () => {
  test('in an oldest-first file: after the one already there, before the next day', async () => {
    expect(await noteOn(OLDEST_FIRST, '2026-11-24', 'Printer fixed in the afternoon.')).toBe(outdent`

      ## 2026-06-01 First visit
      Inventory.

      ## 2026-11-24 Morning call
      The printer is down.

      ## 2026-11-24 Printer fixed in the afternoon
      Printer fixed in the afternoon.

      ## 2026-12-15 Server install
      Planned.

      ## History
      Undated.

    `);
  });

  test('in an oldest-first file whose last note is that day: after it, before the undated section', async () => {
    const body = OLDEST_FIRST.replace('## 2026-12-15 Server install\nPlanned.\n\n', '');
    expect(await noteOn(body, '2026-11-24', 'Afternoon.')).toBe(outdent`

      ## 2026-06-01 First visit
      Inventory.

      ## 2026-11-24 Morning call
      The printer is down.

      ## 2026-11-24 Afternoon
      Afternoon.

      ## History
      Undated.

    `);
  });

  test('in an oldest-first file with two notes that day already: after both', async () => {
    const body = OLDEST_FIRST.replace('## 2026-12-15', '## 2026-11-24 Noon\nLunch.\n\n## 2026-12-15');
    const after = await noteOn(body, '2026-11-24', 'Evening.');
    expect(after.indexOf('## 2026-11-24 Evening')).toBeGreaterThan(after.indexOf('## 2026-11-24 Noon'));
    expect(after.indexOf('## 2026-11-24 Evening')).toBeLessThan(after.indexOf('## 2026-12-15'));
  });

  test('in a newest-first file: above the one already there, below the later days', async () => {
    const body = outdent`

      ## 2026-12-15 Server install
      Planned.

      ## 2026-11-24 Morning call
      The printer is down.

      ## 2026-06-01 First visit
      Inventory.

    `;
    expect(await noteOn(body, '2026-11-24', 'Afternoon.')).toBe(outdent`

      ## 2026-12-15 Server install
      Planned.

      ## 2026-11-24 Afternoon
      Afternoon.

      ## 2026-11-24 Morning call
      The printer is down.

      ## 2026-06-01 First visit
      Inventory.

    `);
  });

  test('in any oldest-first file, the note lands after every note of its day and before every later one', async () => {
    const day = fc.integer({ min: 0, max: 20 }).map((n) => `2026-11-${String(n + 1).padStart(2, '0')}`);
    await fc.assert(
      fc.asyncProperty(fc.array(day, { minLength: 2, maxLength: 6 }), day, async (days, on) => {
        const sorted = [...days].sort();
        // Both orders hold when every date is the same: that file reads newest-first (above them all).
        fc.pre(sorted[0] !== sorted[sorted.length - 1]);
        const body = `\n${sorted.map((d, i) => `## ${d} Note ${i}\nText ${i}.\n`).join('\n')}`;
        const after = await noteOn(body, on, 'New one.');
        const dates = [...after.matchAll(/^## (\S+) (.*)$/gm)].map((m) => `${m[1]} ${m[2]}`);
        const at = dates.indexOf(`${on} New one`);
        expect(dates.slice(0, at).every((d) => d.slice(0, 10) <= on)).toBe(true);
        expect(dates.slice(at + 1).every((d) => d.slice(0, 10) > on)).toBe(true);
      }),
      { numRuns: 25 },
    );
  });
});
