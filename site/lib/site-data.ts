/**
 * The one door from the pages to the portfolio. Whoever started the build has usually loaded it
 * already (see `scripts/site-integration/store.ts`); otherwise it is loaded here, once, and shared.
 */
import options from 'virtual:clientbook/options';
import { assertNoErrors, loadSiteData } from '#site-integration/load';
import { provideSiteData, siteDataFor, type SiteData } from '#site-integration/store';
import { useClientSlugs } from './paths.ts';

let loading: Promise<SiteData> | undefined;
/** The last portfolio without errors these pages read (dev: see below). */
let lastGood: SiteData | undefined;

export async function getSiteData(): Promise<SiteData> {
  let ready = siteDataFor(options.dir);
  if (ready) {
    // A live portfolio (dev) with errors is shown by the dev server as its diagnostics, before any
    // page renders. A page already rendering when a save broke it finishes on the last good state
    // (the reload that save sends follows at once), rather than failing with a stack trace.
    if (ready.portfolio.hasErrors && import.meta.env.DEV && lastGood) ready = lastGood;
    assertNoErrors(ready.portfolio);
    lastGood = ready;
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
