/** An encrypted site: its keys, and its pages locked after the build. */
export { clientSlugs, deriveSiteKeys, type SiteKeys } from './keys.ts';
export { encryptSite, lockedPage } from './site.ts';
