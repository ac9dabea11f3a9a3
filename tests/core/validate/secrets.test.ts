import { describe, expect, it } from 'vitest';
import { check, client } from '../../helpers/portfolio.ts';

const secretLines = (fields: string, body = '') =>
  check(client(fields, { body }))
    .diagnostics.filter((d) => d.code === 'secret')
    .map((d) => `${d.line}:${d.column} ${d.severity} ${d.message}`);

describe('values that look like secrets (warnings)', () => {
  it('finds labelled passwords, keys and tokens in x- fields', () => {
    expect(secretLines('x-wifi-password: hunter22\nx-api-key: 9f8e7d6c5b4a\nx-token: abcdefgh12')).toEqual([
      '2:8 warning This looks like a password.',
      '3:3 warning This looks like an API key or token.',
      '4:3 warning This looks like an API key or token.',
    ]);
  });

  it('finds private keys, bearer tokens and passwords in the notes', () => {
    const body = '\n-----BEGIN OPENSSH PRIVATE KEY-----\nThe admin password is Tundra-2019!\nAuthorization: Bearer abcdefghijklmnopqrstu\n';
    expect(secretLines('', body)).toEqual([
      '13:1 warning This looks like a private key.',
      '14:11 warning This looks like a password.',
      '15:16 warning This looks like a bearer token.',
    ]);
  });

  it('leaves alone lines that only say where a secret is kept, or mention passwords', () => {
    expect(
      secretLines('x-wifi: "password: in the vault, entry Acme"\nx-admin: "Password: see Bitwarden entry Acme"', '\n## 2026-11-03 Visit\nReset passwords for all staff.\n'),
    ).toEqual([]);
  });
});
