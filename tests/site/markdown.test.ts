import { describe, expect, test } from 'vitest';
import { renderNotes } from '../../site/lib/markdown.ts';

describe('notes', () => {
  test('Markdown with GitHub extensions; headings sit under the page\'s "Notes" heading', () => {
    const html = renderNotes('# Visit\n## 2026-11-03 Monthly meeting\n\n- [x] backups\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n~~old~~ <https://example.com>');
    expect(html).toContain('<h3>Visit</h3>');
    expect(html).toContain('<h3>2026-11-03 Monthly meeting</h3>');
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

  test('empty notes render nothing', () => {
    expect(renderNotes('  \n')).toBe('');
  });
});
