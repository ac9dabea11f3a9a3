/**
 * The keys of an encrypted site, derived with Node's PBKDF2 and HMAC (the same primitives the reader
 * uses through Web Crypto; no cryptography of our own). In two stages, 600,000 iterations in all:
 *
 * - the **book key**: PBKDF2-SHA256 of the passphrase, 585,000 iterations, salted per book (by its
 *   title). It is what "remember on this device" keeps, so a remembered device opens tomorrow's
 *   build too; it is never the passphrase itself;
 * - the **site key**: PBKDF2-SHA256 of the book key, 15,000 iterations, with a random salt of this
 *   build: the AES-256-GCM key of every page of the build, each page with its own random IV.
 *
 * The folder names of the client pages are an HMAC of the id under the book key: stable from build
 * to build (bookmarks keep working), and telling nobody without the passphrase who the clients are.
 */
import { createHash, createHmac, pbkdf2Sync, randomBytes } from 'node:crypto';

export const BOOK_ITERATIONS = 585_000;
export const SITE_ITERATIONS = 15_000;
const KEY_BYTES = 32;

export interface SiteKeys {
  /** Salt of the book key (16 bytes, from the title). */
  bookSalt: Buffer;
  bookKey: Buffer;
  /** This build's random salt (16 bytes). */
  siteSalt: Buffer;
  siteKey: Buffer;
}

/** The passphrase as bytes, composed alike on every keyboard (é typed or composed). */
const passphraseBytes = (passphrase: string) => Buffer.from(passphrase.normalize('NFC'), 'utf8');

export const bookSaltOf = (title: string): Buffer => createHash('sha256').update(`clientbook book key\u0000${title}`).digest().subarray(0, 16);

export function deriveSiteKeys(passphrase: string, title: string, siteSalt: Buffer = randomBytes(16)): SiteKeys {
  const bookSalt = bookSaltOf(title);
  const bookKey = pbkdf2Sync(passphraseBytes(passphrase), bookSalt, BOOK_ITERATIONS, KEY_BYTES, 'sha256');
  const siteKey = pbkdf2Sync(bookKey, siteSalt, SITE_ITERATIONS, KEY_BYTES, 'sha256');
  return { bookSalt, bookKey, siteSalt, siteKey };
}

/** The opaque folder name of each client's pages: 16 hex digits of an HMAC of its id. */
export function clientSlugs(bookKey: Buffer, ids: readonly string[]): Map<string, string> {
  return new Map(ids.map((id) => [id, createHmac('sha256', bookKey).update(`client\u0000${id}`).digest('hex').slice(0, 16)]));
}
