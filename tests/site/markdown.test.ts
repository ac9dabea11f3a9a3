import { describe, expect, test } from 'vitest';
import { MAX_MARKDOWN_NOTES, MAX_MARKDOWN_RUN, renderNotes } from '#site/lib/markdown';

describe('notes', () => {
  test('Markdown with GitHub extensions; headings sit under the page\'s "Notes" heading', () => {
    const html = renderNotes('# Visit\n## 2026-11-03 Monthly meeting\n\n- [x] backups\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n~~old~~ <https://example.com>');
    expect(html).toContain('<h3 id="user-content-visit">Visit</h3>');
    expect(html).toContain('<h3 id="user-content-2026-11-03-monthly-meeting">2026-11-03 Monthly meeting</h3>');
    expect(html).toContain('<table>');
    expect(html).toContain('<del>old</del>');
    expect(html).toContain('<a href="https://example.com">https://example.com</a>');
    expect(html).toContain('type="checkbox"');
  });

  test.each([
    ['a script element', '<script>window.pwned = 1</script>'],
    ['an event handler on raw HTML', '<img src=x onerror="window.pwned=1">'],
    ['an event handler inline', 'Text <b onclick="window.pwned=1">bold</b> more'],
    ['a javascript: link', '[click](javascript:window.pwned=1)'],
    ['a javascript: reference link', '[click][x]\n\n[x]: javascript:window.pwned=1'],
    ['an upper-case javascript: link', '[click](JaVaScRiPt:window.pwned=1)'],
    ['an entity-encoded javascript: link', '[click](&#106;avascript:window.pwned=1)'],
    ['a data: link', '[click](data:text/html,<script>window.pwned=1</script>)'],
    ['an iframe', '<iframe src="https://evil.example"></iframe>'],
    ['a style element', '<style>body{display:none}</style>'],
    ['an svg with script', '<svg><script>window.pwned=1</script></svg>'],
    ['a form', '<form action="https://evil.example"><input name=x></form>'],
  ])('%s cannot carry script into the page', (_label, markdown) => {
    const html = renderNotes(`Before\n\n${markdown}\n\nAfter`);
    expect(html).not.toMatch(/<script|<iframe|<style|<form|<svg|\son\w+=|javascript:|data:text/i);
    expect(html).toContain('After');
  });

  test('images become links: the page never fetches what a client file names', () => {
    const html = renderNotes('![rack photo](https://cdn.example/rack.jpg)');
    expect(html).toBe('<p><a href="https://cdn.example/rack.jpg">Image: rack photo</a></p>');
    expect(html).not.toContain('<img');
  });

  test('ids from the notes cannot clobber the page\'s own', () => {
    const html = renderNotes('Footnote[^1]\n\n[^1]: The note.');
    expect(html).not.toMatch(/id="(?!user-content-)/);
  });

  /** Every `href="#x"` in the HTML and every id; `lands` finds a link's target as a browser does (as written, then decoded). */
  const anchors = (html: string) => {
    const ids = new Set([...html.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1]!));
    const links = [...html.matchAll(/href="#([^"]*)"/g)].map((m) => m[1]!);
    return { ids, links, lands: (link: string) => ids.has(link) || ids.has(decodeURIComponent(link)) };
  };

  test('every footnote link lands on its footnote, and every back link on its reference', () => {
    const html = renderNotes('Backups[^1], the café[^café] and the NAS[^1].\n\n[^1]: Nightly, to the NAS.\n[^café]: Its own note[^long-label].\n[^long-label]: Nested.');
    const { links, ids, lands } = anchors(html);
    expect(links.length).toBe(8); // 4 references, 4 back references (the first note has two)
    for (const link of links) expect(lands(link), `#${link} points nowhere`).toBe(true);
    // Both directions: note → reference and reference → note.
    expect(html).toContain('<a href="#user-content-fn-1" id="user-content-fnref-1" data-footnote-ref');
    expect(html).toContain('<li id="user-content-fn-1">');
    expect(html).toContain('<a href="#user-content-fnref-1" data-footnote-backref=""');
    expect(html).toContain('<a href="#user-content-fnref-1-2" data-footnote-backref=""');
    expect(html).toContain('id="user-content-fnref-1-2"');
    // The screen reader's "Footnotes" label is found too.
    expect(html).toContain('aria-describedby="user-content-footnote-label"');
    expect(ids).toContain('user-content-footnote-label');
  });

  test('a link written as on GitHub, to the unprefixed id, lands too; links to ids outside the notes stay', () => {
    const html = renderNotes('See [the note](#fn-1) or [again](#user-content-fn-1), [the page](#history).\n\nText[^1].\n\n[^1]: A note.');
    expect(html).toContain('<a href="#user-content-fn-1">the note</a>');
    expect(html).toContain('<a href="#user-content-fn-1">again</a>');
    expect(html).toContain('<a href="#history">the page</a>');
    expect(anchors(renderNotes('[x](#%E0%A4%A)[^1]\n\n[^1]: y')).links).toContain('%E0%A4%25A'); // not a valid escape: no crash, left as it is
  });

  test("headings have GitHub's anchors, so a link to a heading written as on GitHub lands on it", () => {
    const html = renderNotes(
      '# Visit\n\nSee [the visit](#visit), [the second](#visit-1), [the meeting](#2026-11-03-monthly-meeting) and [code](#code-strong-héllo-wörld).\n\n' +
        '## Visit\n\n## 2026-11-03 Monthly meeting\n\n### `code` **Strong** Héllo, wörld!\n\nText[^1]\n\n# Footnote label\n\n[^1]: A note.',
    );
    expect(html).toContain('<h3 id="user-content-visit">Visit</h3>');
    expect(html).toContain('<h3 id="user-content-visit-1">Visit</h3>');
    expect(html).toContain('<h3 id="user-content-2026-11-03-monthly-meeting">2026-11-03 Monthly meeting</h3>');
    expect(html).toContain('<h4 id="user-content-code-strong-héllo-wörld"><code>code</code> <strong>Strong</strong> Héllo, wörld!</h4>');
    // A heading never takes an id the footnotes have.
    expect(html).toContain('<h3 id="user-content-footnote-label-1">Footnote label</h3>');
    const { ids, links, lands } = anchors(html);
    expect(links.length).toBe(6);
    for (const link of links) expect(lands(link), `#${link} points nowhere`).toBe(true);
    const all = [...html.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1]!);
    expect(all.length).toBe(ids.size); // no id twice
  });

  test('empty notes render nothing', () => {
    expect(renderNotes('  \n')).toBe('');
  });

  test('a paragraph, list or quote too long to lay out (its time grows with its square) is shown as written, as text', () => {
    const line = 'a *b* [c](javascript:alert(1)) <img src=x onerror=alert(1)> & d\n';
    const long = `## 2026-11-03 Visit\n\n${line.repeat(Math.ceil(MAX_MARKDOWN_RUN / line.length) + 1)}`;
    const html = renderNotes(long);
    expect(html).toMatch(/^<p class="notes-as-written">These notes are too long to lay out as Markdown \(a paragraph, list or quote of more than 20,000 characters, or more than 1,000,000 in all\), so they are shown as written\. Blank lines between paragraphs let them be laid out\.<\/p>\n<pre class="notes-as-written">## 2026-11-03 Visit\n\na \*b\* /);
    expect(html).toContain('<pre class="notes-as-written">## 2026-11-03 Visit\n\na *b* [c](javascript:alert(1)) &lt;img src=x onerror=alert(1)&gt; &amp; d\n');
    expect(html).not.toMatch(/<(?!\/?(?:p|pre)\b)/);
    // One line of the same run shorter, or the same lines in paragraphs: laid out.
    const paragraphs = `## 2026-11-03 Visit\n\n${`${line}\n`.repeat(Math.ceil(MAX_MARKDOWN_RUN / line.length) + 1)}`;
    expect(renderNotes(paragraphs)).toMatch(/^<h3 id="user-content-2026-11-03-visit">2026-11-03 Visit<\/h3>\n<p>a <em>b<\/em> <a>c<\/a>/);
    expect(renderNotes(`> ${'x '.repeat(MAX_MARKDOWN_RUN / 2 - 5)}*y*`)).toMatch(/^<blockquote>/);
    expect(renderNotes(`> ${'x '.repeat(MAX_MARKDOWN_RUN / 2 + 1)}*y*`)).toMatch(/^<p class="notes-as-written">/);
    // Notes of more than a megabyte in all, even in short paragraphs.
    expect(renderNotes('*a* b\n\n'.repeat(MAX_MARKDOWN_NOTES / 7 + 1))).toMatch(/^<p class="notes-as-written">/);
  });
});
