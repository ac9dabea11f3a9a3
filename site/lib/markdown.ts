/**
 * A client file's notes as HTML that cannot carry script. Raw HTML in the Markdown is dropped
 * (remark-rehype without `allowDangerousHtml`), and what Markdown itself can express goes through
 * rehype-sanitize with GitHub's schema: no `<script>`, no `on*` attribute, no `javascript:` link.
 * Images become links, so the page never fetches anything a client file names.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import GithubSlugger from 'github-slugger';
import { unified } from 'unified';
import { fastNotes } from './markdown-fast.ts';

/** Headings of the notes sit under the page's "Notes" heading (an h2): `#` and `##` become h3. */
function nestHeadings(tree: Root): void {
  walk(tree, (node) => {
    const m = /^h([1-6])$/.exec(node.tagName);
    if (m) node.tagName = `h${Math.min(6, Math.max(3, Number(m[1]) + 1))}`;
  });
}

/** `![alt](url)` becomes a link to the image, named by its alt text. */
function imagesAsLinks(tree: Root): void {
  walk(tree, (node) => {
    if (node.tagName !== 'img') return;
    const src = typeof node.properties.src === 'string' ? node.properties.src : '';
    const alt = typeof node.properties.alt === 'string' && node.properties.alt ? node.properties.alt : src;
    node.tagName = 'a';
    node.properties = { href: src };
    node.children = [{ type: 'text', value: `Image: ${alt}` }];
  });
}

/**
 * In-page links resolve after sanitising. rehype-sanitize prefixes every id with `user-content-`
 * (so notes cannot clobber the page's own ids) but leaves the links to them alone; GitHub mends
 * those links with script when the page loads, a static page has to do it here. A link to `#x`
 * becomes `#user-content-x` when that id is in the notes: the footnote references and back
 * references, and links a user wrote the way they work on GitHub (`[see](#fn-1)`).
 */
function inPageLinks(tree: Root): void {
  const ids = new Set<string>();
  walk(tree, (node) => {
    if (typeof node.properties.id === 'string') ids.add(node.properties.id);
  });
  walk(tree, (node) => {
    const href = node.properties.href;
    if (node.tagName !== 'a' || typeof href !== 'string' || !href.startsWith('#')) return;
    // A browser looks for the fragment as written, then percent-decoded (ids keep `%C3%A9` as written).
    const targets = fragments(href);
    if (targets.some((t) => ids.has(t))) return;
    if (targets.some((t) => ids.has(`${CLOBBER_PREFIX}${t}`))) node.properties.href = `#${CLOBBER_PREFIX}${href.slice(1)}`;
  });
}

function fragments(href: string): string[] {
  const raw = href.slice(1);
  try {
    return [raw, decodeURIComponent(raw)];
  } catch {
    return [raw];
  }
}

/**
 * Headings get GitHub's anchors (`## Visit` is `#visit`, a second one `#visit-1`), so a link to one
 * works here as it does on GitHub; rehype-sanitize prefixes them like every id. (rehype-slug does
 * the same, but does not know the footnotes' ids: a heading "Footnote label" would repeat one.)
 */
function headingIds(tree: Root): void {
  const taken = new Set<string>();
  walk(tree, (node) => {
    if (typeof node.properties.id === 'string') taken.add(node.properties.id);
  });
  const slugger = new GithubSlugger();
  walk(tree, (node) => {
    if (!/^h[1-6]$/.test(node.tagName) || node.properties.id !== undefined) return;
    const text = textOf(node);
    let id = slugger.slug(text);
    while (taken.has(id)) id = slugger.slug(text);
    node.properties.id = id;
  });
}

function textOf(node: ElementContent | RootContent): string {
  if (node.type === 'text') return node.value;
  return 'children' in node ? node.children.map(textOf).join('') : '';
}

function walk(node: Root | ElementContent | RootContent, visit: (element: Element) => void): void {
  if (node.type === 'element') visit(node);
  if ('children' in node) for (const child of node.children) walk(child, visit);
}

/** What rehype-sanitize (GitHub's schema) puts before every id and name. */
const CLOBBER_PREFIX = 'user-content-';

const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  // Footnote ids unprefixed here: rehype-sanitize prefixes them once (remark-rehype's own prefix
  // made them `user-content-user-content-fn-1`, and every footnote link pointed nowhere).
  .use(remarkRehype, { clobberPrefix: '' })
  .use(() => nestHeadings)
  .use(() => imagesAsLinks)
  .use(() => headingIds)
  .use(rehypeSanitize)
  .use(() => inPageLinks)
  .use(rehypeStringify)
  .freeze();

/** Renders notes (Markdown) to sanitised HTML; empty text gives an empty string. */
export function renderNotes(markdown: string): string {
  if (markdown.trim() === '') return '';
  // Plain notes (most of them) take the fast path, which renders them exactly as the pipeline would.
  const fast = fastNotes(markdown);
  if (fast !== undefined) return fast;
  return tooLongForMarkdown(markdown) ? notesAsWritten(markdown) : renderNotesFully(markdown);
}

/**
 * The longest text without a blank line that is laid out as Markdown. micromark's time grows with
 * the square of such a run: a paragraph, list or quote of 136,000 characters took 30 s or more, a
 * megabyte would hold a build for an hour. Longer notes are shown as written.
 */
export const MAX_MARKDOWN_RUN = 20_000;
/** And all the notes of one client: past this, they are shown as written, whatever their runs. */
export const MAX_MARKDOWN_NOTES = 1_000_000;

function tooLongForMarkdown(markdown: string): boolean {
  if (markdown.length > MAX_MARKDOWN_NOTES) return true;
  if (markdown.length <= MAX_MARKDOWN_RUN) return false;
  let longest = 0;
  for (const run of markdown.split(/\n[ \t]*(?:\r?\n|$)/)) longest = Math.max(longest, run.length);
  return longest > MAX_MARKDOWN_RUN;
}

const escapeHtml = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/** Notes too long to lay out, as text in a `<pre>`: nothing of them is markup. */
function notesAsWritten(markdown: string): string {
  return (
    '<p class="notes-as-written">These notes are too long to lay out as Markdown (a paragraph, list or quote of more than ' +
    `${MAX_MARKDOWN_RUN.toLocaleString('en-US')} characters, or more than ${MAX_MARKDOWN_NOTES.toLocaleString('en-US')} in all), so they are shown as written. ` +
    'Blank lines between paragraphs let them be laid out.</p>\n' +
    `<pre class="notes-as-written">${escapeHtml(markdown.replace(/\r\n?/g, '\n'))}</pre>`
  );
}

/** `renderNotes` through the full Markdown pipeline, whatever the notes hold. */
export function renderNotesFully(markdown: string): string {
  if (markdown.trim() === '') return '';
  return String(processor.processSync(markdown));
}
