/**
 * The fast path of the notes renders exactly what the full Markdown pipeline renders, whenever it
 * accepts the notes; and it accepts the plain notes most client files have.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { generatePortfolio } from '../../scripts/bench/generate.ts';
import { fastNotes } from '#site/lib/markdown-fast';
import { renderNotes, renderNotesFully } from '#site/lib/markdown';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function bodies(dir: string): [string, string][] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.md'))
    .map((f) => [f, readFileSync(path.join(dir, f), 'utf8').replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n/, '')]);
}

/** Lines with every construct near the edge of what the fast path takes. */
const LINES = [
  'Plain words, with commas; and a colon: here.',
  "It's the client’s \"own\" server (the old one).",
  'Remind them that `\\\\server\\scans` goes away.',
  'Two `code` spans `here`.',
  'A ` spaced ` span and ``double`` ticks.',
  'Code with `a<b && c>d` in it.',
  'Unclosed `tick here.',
  'See <https://support.example.com/kb/1234> before.',
  '<http://example.com/a?b=c#d>',
  '<ftp://example.com>',
  '<https://example.com/a&b>',
  'A **strong** word.',
  '**Strong** at the start, **end**',
  'No **space**after.',
  'In**side** a word.',
  '** spaced ** stars.',
  '**a** **b**.',
  '**multi word strong**, then text.',
  '*em* and _em_ and snake_case.',
  '~~gone~~ and ~one~.',
  '[link](https://example.com) and [ref][x].',
  '![alt](https://cdn.example/x.jpg)',
  'mail me@example.com or www.example.com or https://example.com.',
  'Fish &amp; chips & more.',
  '<b onclick="x()">bold</b>',
  'A \\*escaped\\* star.',
  'Trailing two spaces  ',
  'Trailing one ',
  'Tab\there.',
  '# Heading one',
  '## 2026-11-03 Monthly meeting',
  '###### Six',
  '####### Seven',
  '#Nospace',
  '## Closed ##',
  '##  Two spaces',
  '- item one',
  '- item with **strong** and `code`',
  '  continued item line',
  '   three-space continuation',
  '    four-space code',
  '-  two spaces after dash',
  '- # heading in item',
  '- - nested',
  '* star item',
  '+ plus item',
  '1. ordered',
  '2) ordered',
  '2024 was a year.',
  '---',
  '***',
  '- - -',
  '===',
  '> quoted',
  '| a | b |',
  '|---|---|',
  '```',
  '~~~',
  '[^1]: A footnote.',
  '&#106;avascript',
  ' one leading space',
  '\u00a0non-breaking space',
  '',
  '',
  '',
];

/** A small deterministic generator, so a failure is reproducible. */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
    return s / 2_147_483_648;
  };
}

describe('the fast path of the notes', () => {
  test('renders every note it accepts exactly as the full pipeline does (random notes)', () => {
    const next = random(42);
    let accepted = 0;
    for (let i = 0; i < 20_000; i++) {
      const count = 1 + Math.floor(next() * 6);
      const markdown = Array.from({ length: count }, () => LINES[Math.floor(next() * LINES.length)]).join('\n');
      const fast = fastNotes(markdown);
      if (fast === undefined) continue;
      accepted++;
      expect(fast, JSON.stringify(markdown)).toBe(renderNotesFully(markdown));
    }
    // Enough of the cases are accepted for the comparison to mean something.
    expect(accepted).toBeGreaterThan(1000);
  });

  test('renders the sample, the hostile fixtures and a generated portfolio exactly as the full pipeline does', async () => {
    const tmp = await mkdtemp(path.join(os.tmpdir(), 'clientbook-notes-'));
    try {
      await generatePortfolio({ count: 300, out: tmp });
      const all = [...bodies(path.join(ROOT, 'clients')), ...bodies(path.join(ROOT, 'tests/fixtures/hostile')), ...bodies(tmp)];
      let accepted = 0;
      for (const [file, body] of all) {
        expect(renderNotes(body), file).toBe(renderNotesFully(body));
        if (fastNotes(body) !== undefined) accepted++;
      }
      // The point of the fast path: the notes of most generated clients take it.
      expect(accepted / all.length).toBeGreaterThan(0.9);
    } finally {
      await rm(tmp, { recursive: true, force: true });
    }
  }, 60_000);

  test('leaves to the full pipeline what it does not follow', () => {
    for (const markdown of ['*em*', '<b>x</b>', '[a](b)', 'a  \nb', '- a\n\n- b', '> q', 'x\n===', 'a & b', 'www.example.com']) {
      expect(fastNotes(markdown), markdown).toBeUndefined();
    }
  });
});
