/**
 * `clientbook build --encrypt`: every page of a built site becomes a small locked page holding
 * its content encrypted (AES-256-GCM, a random IV per page, the page's path as additional data so
 * pages cannot be swapped), and the reader script that opens it with the passphrase. What a public
 * host then sees: the number of pages and their sizes. The calendar feed is left out, because
 * calendar apps cannot unlock it (docs/hosting.md).
 */
import { createCipheriv, createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PACKAGE_ROOT } from '#core/package-root';
import { BOOK_ITERATIONS, SITE_ITERATIONS, type SiteKeys } from './keys.ts';

/** The reader, inlined into every locked page. */
// From the package root: this module may run from the CLI's bundle, elsewhere than its source.
export const UNLOCK_SCRIPT = readFileSync(path.join(PACKAGE_ROOT, 'scripts/site-integration/encrypt/unlock.js'), 'utf8');
const UNLOCK_HASH = `'sha256-${createHash('sha256').update(UNLOCK_SCRIPT).digest('base64')}'`;

/** Files a locked site may keep as they are: they hold nothing of the portfolio. */
const PLAIN_FILES = new Set([
  'site.css',
  'robots.txt',
  '.clientbook-site',
  'manifest.webmanifest',
  'icons/icon-192.png',
  'icons/icon-512.png',
  'icons/maskable-512.png',
]);

export interface EncryptResult {
  pages: number;
  /** Files removed because they cannot be encrypted for their readers (the calendar feed). */
  removed: string[];
}

export async function encryptSite(outDir: string, keys: SiteKeys): Promise<EncryptResult> {
  const files = (await readdir(outDir, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile())
    .map((e) => path.relative(outDir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
  let pages = 0;
  const removed: string[] = [];
  for (const file of files) {
    const full = path.join(outDir, file);
    if (file.endsWith('.html')) {
      await writeFile(full, lockedPage(file, await readFile(full, 'utf8'), keys));
      pages++;
    } else if (!PLAIN_FILES.has(file)) {
      // The calendar feed, and anything else a page may one day emit: never published in clear.
      await rm(full);
      removed.push(file);
    }
  }
  return { pages, removed };
}

/** One page, locked. `page` is its path from the site root (`clients/3f2a.../index.html`). */
export function lockedPage(page: string, html: string, keys: SiteKeys): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keys.siteKey, iv);
  cipher.setAAD(Buffer.from(page, 'utf8'));
  // Web Crypto reads the tag at the end of the ciphertext.
  const data = Buffer.concat([cipher.update(html, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  const locked = {
    v: 1,
    page,
    book: keys.bookSalt.toString('base64'),
    bookIterations: BOOK_ITERATIONS,
    salt: keys.siteSalt.toString('base64'),
    siteIterations: SITE_ITERATIONS,
    iv: iv.toString('base64'),
    data: data.toString('base64'),
  };
  const up = '../'.repeat(page.split('/').length - 1);
  const lang = /<html[^>]*\slang="([^"]*)"/.exec(html)?.[1] ?? 'en';
  return [
    '<!DOCTYPE html>',
    `<html lang="${lang}">`,
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="robots" content="noindex, nofollow, noarchive"><meta name="referrer" content="no-referrer">',
    '<title>Locked</title>',
    `<link rel="stylesheet" href="${up}site.css">`,
    `<meta http-equiv="content-security-policy" content="${lockedCsp(html)}">`,
    '</head>',
    '<body class="locked">',
    '<main class="inner lock-screen" id="main">',
    '<h1>This client book is locked</h1>',
    '<noscript><p>Turn on JavaScript to unlock it: the pages are decrypted in your browser.</p></noscript>',
    '<form id="unlock" hidden>',
    '<label for="passphrase">Passphrase</label>',
    '<input id="passphrase" type="password" autocomplete="current-password" required>',
    '<label class="remember"><input id="remember" type="checkbox"> Remember on this device</label>',
    '<button type="submit">Unlock</button>',
    '<p id="unlock-error" class="unlock-error" role="alert" hidden>That passphrase does not open this book. Nothing was shown; try again.</p>',
    '</form>',
    '</main>',
    // JSON inside a script element: `<` cannot close it, since base64 and the path hold none.
    `<script type="application/json" id="clientbook-locked">${JSON.stringify(locked).replaceAll('<', '\\u003c')}</script>`,
    `<script>${UNLOCK_SCRIPT}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/**
 * The page's own policy (it stays in force once the page is shown, so it must allow the page's
 * scripts), with the reader's hash added; a page without one gets the site's strictest.
 */
function lockedCsp(html: string): string {
  const own = /<meta http-equiv="content-security-policy" content="([^"]*)"/i.exec(html)?.[1];
  const policy = own ?? "default-src 'none'; style-src 'self'; script-src";
  return /script-src/.test(policy) ? policy.replace(/script-src/, `script-src ${UNLOCK_HASH}`) : `${policy}; script-src ${UNLOCK_HASH}`;
}
