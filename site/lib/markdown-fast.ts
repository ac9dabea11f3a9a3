/**
 * A fast path for the notes most client files have: ATX headings, paragraphs, flat `- ` lists,
 * `code spans`, `<https://...>` links and **strong** words, in plain text. On a large portfolio the full Markdown pipeline (micromark, then
 * rehype-sanitize) was a fifth of the site build; this handles such notes in a single pass.
 *
 * It is deliberately narrow: anything it is not sure of (emphasis, other links, raw HTML, entities,
 * escapes, nested or loose lists, block quotes, code blocks, tables, autolinks, setext headings,
 * hard breaks, ...) makes it give up, and the caller renders the notes with the full pipeline.
 * Whatever it accepts, it renders exactly as the full pipeline does: `tests/site/markdown-fast.test.ts`
 * holds it to that on every client of a generated portfolio and on many small cases. Nothing it
 * accepts can carry markup: `<`, `>` and `&` are among the characters that make it give up.
 */

import GithubSlugger from 'github-slugger';

/** Characters that may start some inline construct (or need escaping): any of them, and the full pipeline renders. */
const INLINE_SPECIAL = /[*_[\]<>!&\\|~^$@{}]|www\.|:\/|https?:|mailto:|xmpp:/i;

/** Lines that could start a block other than a paragraph (or continue one in a way we do not follow). */
const BLOCK_START = /^(?:[ \t]|[>#*+=|`~-]|\d{1,9}[.)])/;

/**
 * The inline constructs followed: a `code span`, an `<https://...>` autolink (plain URL characters
 * only) and **strong** text around plain words.
 */
const TOKEN = /`([^`]+)`|<(https?:\/\/[A-Za-z0-9/._~:?#=-]+)>|\*\*([^*]+)\*\*/g;

/** Plain text: nothing that could start an inline construct. */
function plain(text: string): boolean {
  return !text.includes('`') && !INLINE_SPECIAL.test(text);
}

/** Text of a heading, paragraph line or list item, or undefined when it is not plain enough. */
function inline(text: string): string | undefined {
  let out = '';
  let last = 0;
  for (const m of text.matchAll(TOKEN)) {
    const before = text.slice(last, m.index);
    if (!plain(before)) return undefined;
    const [whole, code, url, strong] = m;
    const end = m.index + whole.length;
    if (code !== undefined) {
      // Code spans lose one leading and trailing space; and their text is escaped: leave both to the full pipeline.
      if (code.startsWith(' ') || code.endsWith(' ') || /[<>&]/.test(code)) return undefined;
      out += `${before}<code>${code}</code>`;
    } else if (url !== undefined) {
      out += `${before}<a href="${url}">${url}</a>`;
    } else {
      // Only the clear case of the flanking rules: after a space (or at the start), around words, before a space or punctuation.
      const prev = m.index === 0 ? ' ' : text[m.index - 1]!;
      const next = end === text.length ? ' ' : text[end]!;
      if (prev !== ' ' || !/[ .,;:?)]/.test(next) || !/^[A-Za-z0-9].*[A-Za-z0-9]$|^[A-Za-z0-9]$/.test(strong!) || !plain(strong!)) return undefined;
      out += `${before}<strong>${strong}</strong>`;
    }
    last = end;
  }
  const rest = text.slice(last);
  return plain(rest) ? out + rest : undefined;
}

/** Renders notes the way `renderNotes` does, or returns undefined when they need the full pipeline. */
export function fastNotes(markdown: string): string | undefined {
  if (markdown.includes('\r') || markdown.includes('\t') || markdown.includes('\0')) return undefined;
  const blocks: string[][] = [];
  let block: string[] = [];
  for (const line of markdown.split('\n')) {
    if (line.trim() === '') {
      if (line !== '') return undefined;
      if (block.length) blocks.push(block);
      block = [];
    } else block.push(line);
  }
  if (block.length) blocks.push(block);

  const html: string[] = [];
  // Heading anchors as rehype-slug gives them: GitHub's slugs of the heading's text, numbered when repeated.
  const slugger = new GithubSlugger();
  let previousWasList = false;
  for (const lines of blocks) {
    // A trailing space (a hard break when doubled) is left to the full pipeline.
    if (lines.some((l) => l.endsWith(' '))) return undefined;
    const first = lines[0]!;
    if (first.startsWith('- ')) {
      // Lists separated by a blank line merge into one loose list: not followed here.
      if (previousWasList) return undefined;
      const items: string[][] = [];
      for (const line of lines) {
        // An item, or a line of the item above indented to its text (two spaces).
        const content = line.startsWith('- ') ? line.slice(2) : line.startsWith('  ') && items.length ? line.slice(2) : undefined;
        if (content === undefined || BLOCK_START.test(content)) return undefined;
        const text = inline(content);
        if (text === undefined) return undefined;
        if (line.startsWith('- ')) items.push([text]);
        else items[items.length - 1]!.push(text);
      }
      html.push(`<ul>\n${items.map((item) => `<li>${item.join('\n')}</li>`).join('\n')}\n</ul>`);
      previousWasList = true;
      continue;
    }
    previousWasList = false;
    let i = 0;
    // ATX headings, each on its own line; a paragraph may follow them in the same block.
    while (i < lines.length && lines[i]!.startsWith('#')) {
      const m = /^(#{1,6}) ([^ #].*)$/.exec(lines[i]!);
      if (!m || m[2]!.endsWith('#')) return undefined;
      const text = inline(m[2]!);
      if (text === undefined) return undefined;
      const level = Math.min(6, Math.max(3, m[1]!.length + 1));
      const id = `user-content-${slugger.slug(text.replace(/<[^>]*>/g, ''))}`;
      html.push(`<h${level} id="${id}">${text}</h${level}>`);
      i++;
    }
    if (i === lines.length) continue;
    const paragraph: string[] = [];
    for (; i < lines.length; i++) {
      const line = lines[i]!;
      if (BLOCK_START.test(line)) return undefined;
      const text = inline(line);
      if (text === undefined) return undefined;
      paragraph.push(text);
    }
    html.push(`<p>${paragraph.join('\n')}</p>`);
  }
  return html.join('\n');
}
