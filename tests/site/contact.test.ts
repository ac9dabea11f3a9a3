/** The links that call or write to a contact: they reach the person written, and nobody else. */
import { describe, expect, test } from 'vitest';
import { mailHref, telHref } from '#site/lib/contact';

describe('mailHref', () => {
  test('an address as written', () => {
    expect(mailHref(' hank@hanks-hardware.example ')).toBe('mailto:hank@hanks-hardware.example');
    expect(mailHref('anne.o+it@bäckerei.example')).toBe('mailto:anne.o%2Bit@b%C3%A4ckerei.example');
  });

  test('no header a mail program would read: no hidden copy, subject or body, no second recipient', () => {
    for (const email of ['hank@x.example?bcc=eve@evil.example', 'hank@x.example?body=Send%20the%20password', 'hank@x.example&cc=eve@evil.example', 'hank@x.example,eve@evil.example', 'hank@x.example#frag']) {
      const href = new URL(mailHref(email));
      expect(href.protocol, email).toBe('mailto:');
      expect(href.search, email).toBe('');
      expect(href.hash, email).toBe('');
      expect(decodeURIComponent(href.pathname), email).toBe(email);
      expect(href.pathname, email).not.toMatch(/[?&,#]/);
    }
  });
});

describe('telHref', () => {
  test('digits and a leading plus only', () => {
    expect(telHref('+1 867 555 0100')).toBe('tel:+18675550100');
    expect(telHref('javascript:alert(1)')).toBe('tel:1');
    expect(telHref('+1 555 0100;ext=12?x=1')).toBe('tel:+15550100121');
  });
});
