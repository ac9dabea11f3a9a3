/// <reference types="astro/client" />

declare module 'virtual:clientbook/options' {
  const options: import('../scripts/site-integration/index.ts').SiteOptions;
  export default options;
}
