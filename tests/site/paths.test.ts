import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { linksFrom, relativeHref, routes } from '#site/lib/paths';

const pages = [
  routes.agenda(),
  routes.clients(),
  routes.client('hanks-hardware'),
  routes.clientRoadmap('hanks-hardware'),
  routes.meetingSheet('lakeside-dental'),
  routes.roadmap(),
  routes.health(),
  routes.calendar(),
];

describe('relative links', () => {
  test('from every page to every page, the link resolves to the target file', () => {
    for (const from of pages) {
      for (const to of pages) {
        const href = relativeHref(from, to);
        expect(href.startsWith('/')).toBe(false);
        expect(path.posix.normalize(path.posix.join(path.posix.dirname(from), href))).toBe(to);
      }
    }
  });

  test('links name files, so they open from disk where folders show a listing', () => {
    expect(relativeHref('index.html', routes.clients())).toBe('clients/index.html');
    expect(relativeHref(routes.client('acme'), routes.agenda())).toBe('../../index.html');
    expect(relativeHref(routes.clientRoadmap('acme'), routes.client('acme'))).toBe('../index.html');
    expect(relativeHref(routes.client('acme'), routes.client('bolt'))).toBe('../bolt/index.html');
    expect(relativeHref(routes.health(), routes.calendar())).toBe('../calendar.ics');
  });

  test('a fragment is kept', () => {
    const href = linksFrom(routes.agenda());
    expect(href(`${routes.client('acme')}#actions`)).toBe('clients/acme/index.html#actions');
  });
});

describe('contact links', () => {
  test('a phone number as written becomes a tel: link a phone can dial', async () => {
    const { telHref, mailHref } = await import('#site/lib/contact');
    expect(telHref('+1 867 555 0100')).toBe('tel:+18675550100');
    expect(telHref('(867) 555-0100 ext. 12')).toBe('tel:867555010012');
    expect(telHref('+1 555" onclick="x()')).toBe('tel:+1555');
    expect(mailHref(' hank@hanks-hardware.example ')).toBe('mailto:hank@hanks-hardware.example');
  });
});
