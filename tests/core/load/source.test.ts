import { describe, expect, it } from 'vitest';
import { decodeSource } from '#core/load/source';

const bytes = (text: string, bom = false) =>
  new Uint8Array([...(bom ? [0xef, 0xbb, 0xbf] : []), ...new TextEncoder().encode(text)]);

describe('decodeSource', () => {
  it('remembers a byte-order mark and strips it from the text', () => {
    const { source } = decodeSource(bytes('---\nname: A\n', true), 'a.md');
    expect(source?.hadBom).toBe(true);
    expect(source?.text).toBe('---\nname: A\n');
  });

  it('reports no byte-order mark where there is none', () => {
    const { source } = decodeSource(bytes('---\nname: A\n'), 'a.md');
    expect(source?.hadBom).toBe(false);
    expect(source?.text).toBe('---\nname: A\n');
  });
});
