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

function walk(node: Root | ElementContent | RootContent, visit: (element: Element) => void): void {
  if (node.type === 'element') visit(node);
  if ('children' in node) for (const child of node.children) walk(child, visit);
}

const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkRehype)
  .use(() => nestHeadings)
  .use(() => imagesAsLinks)
  .use(rehypeSanitize)
  .use(rehypeStringify)
  .freeze();

/** Renders notes (Markdown) to sanitised HTML; empty text gives an empty string. */
export function renderNotes(markdown: string): string {
  if (markdown.trim() === '') return '';
  // Plain notes (most of them) take the fast path, which renders them exactly as the pipeline would.
  return fastNotes(markdown) ?? renderNotesFully(markdown);
}

/** `renderNotes` through the full Markdown pipeline, whatever the notes hold. */
export function renderNotesFully(markdown: string): string {
  if (markdown.trim() === '') return '';
  return String(processor.processSync(markdown));
}
