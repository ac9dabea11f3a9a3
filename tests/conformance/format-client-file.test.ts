/**
 * FORMAT.md "A client file": YAML front matter between a `---` line at the very top and the next
 * `---` line. Each test is a clause found broken, asserting what `validate --format json` reports.
 */
import { describe, expect, it } from 'vitest';
import { client } from '../helpers/portfolio.ts';
import { validateOne } from '../helpers/validate-one.ts';

const validate = validateOne();

describe('FORMAT A client file: the front matter opens on the very first line', () => {
  it('a blank line above the `---`: the error says where the front matter is, and to delete the line', async () => {
    expect(await validate(`\n${client()}`)).toEqual({
      code: 1,
      diagnostics: [
        '1:1 error no-front-matter: The front matter must begin on the very first line, but its `---` is on line 2. | Delete the line above the `---` on line 2, so that `---` is the first line of the file.',
      ],
    });
  });

  it('text above the `---`: the hint moves it into the notes rather than deleting it', async () => {
    const { diagnostics } = await validate(`# Acme\nCalled on Monday.\n${client()}`);
    expect(diagnostics).toEqual([
      '1:1 error no-front-matter: The front matter must begin on the very first line, but its `---` is on line 3. | Move the 2 lines above the `---` on line 3 into the notes, below the closing `---`, so that `---` is the first line of the file.',
    ]);
  });

  it('a file of notes with a thematic break (`---`) is a file without front matter', async () => {
    const { diagnostics } = await validate('# Acme\n\nNotes\n\n---\n\nMore notes\n');
    expect(diagnostics.map((d) => d.split(' | ')[0])).toEqual(['1:1 error no-front-matter: This file has no front matter: the first line must be `---`.']);
  });
});
