/**
 * `clientbook dev` from a folder whose path the dev server cannot put into its pages' script
 * addresses: said before anything starts (it served pages whose scripts failed, or nothing at all).
 */
import { describe, expect, test } from 'vitest';
import { unservablePath } from '#cli/commands/dev';

describe('a folder the dev server cannot serve from', () => {
  test.each([
    ['/home/ann/Clients #2/node_modules/clientbook/site', 'Clients #2', '#'],
    ['/home/ann/100% books/node_modules/clientbook/site', '100% books', '%'],
    ['C:\\Users\\Ann\\Why?\\node_modules\\clientbook\\site', 'Why?', '?'],
  ])('%s: named, with the character', (dir, folder, character) => {
    expect(unservablePath(dir)).toBe(
      `The site cannot be served from here: the folder "${folder}" has a "${character}" in its name, which the dev server's addresses cannot carry.`,
    );
  });

  test('spaces, letters beyond ASCII and other punctuation are served', () => {
    for (const dir of ['/home/ann/Client böok/node_modules/clientbook/site', '/srv/Kunden & Co (2026)/node_modules/clientbook/site', 'C:\\Users\\Zoë\\book\\site'])
      expect(unservablePath(dir), dir).toBeUndefined();
  });
});
