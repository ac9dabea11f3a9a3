/** Which paths of a git tree are client files: the same rule as `listClientFiles` on disk (FORMAT.md "The portfolio"). */
import { isIgnoredName } from '../load/walk.ts';

/** `former/acme.md` (relative to the portfolio folder) is a client file; `_template.md`, `.x/y.md` and `logo.png` are not. */
export function isClientPath(portfolioPath: string): boolean {
  if (!portfolioPath.endsWith('.md')) return false;
  const segments = portfolioPath.split('/');
  return !segments.some(isIgnoredName) && !segments.includes('node_modules');
}

/** The client id of a path: its file name without `.md`. */
export const clientIdOf = (p: string) => p.slice(p.lastIndexOf('/') + 1).replace(/\.md$/, '');
