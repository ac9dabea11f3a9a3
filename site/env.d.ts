/// <reference types="astro/client" />

declare module 'virtual:clientbook/options' {
  const options: import('#site-integration/index').SiteOptions;
  export default options;
}
