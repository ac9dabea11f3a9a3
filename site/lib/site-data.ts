/**
 * The one door from the pages to the portfolio. Whoever started the build has usually loaded it
 * already (see `scripts/site-integration/store.ts`); otherwise it is loaded here, once, and shared.
 */
import options from 'virtual:clientbook/options';
import { assertNoErrors, loadSiteData } from '#site-integration/load';
import { provideSiteData, siteDataFor, type SiteData } from '#site-integration/store';
import { useClientSlugs } from './paths.ts';

let loading: Promise<SiteData> | undefined;

export async function getSiteData(): Promise<SiteData> {
  const ready = siteDataFor(options.dir);
  if (ready) {
    // A live portfolio (dev) may have errors since the last save: show them rather than a partial site.
    assertNoErrors(ready.portfolio);
    useClientSlugs(ready.encrypted?.slugs);
    return ready;
  }
  loading ??= loadSiteData({ dir: options.dir, asOf: options.asOf ?? undefined })
    .then((data) => {
      provideSiteData(options.dir, data);
      return data;
    })
    .finally(() => {
      loading = undefined;
    });
  return loading;
}
