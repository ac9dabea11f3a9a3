/**
 * Watches a portfolio folder and keeps a `LivePortfolio` up to date: one update per saved file, in
 * order, each reported with the time from the file event to the re-checked diagnostics. No Astro here:
 * `clientbook dev` adds the site on top, and tests drive this with real file writes.
 */
import path from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import { isIgnoredName } from '../load/walk.ts';
import { LivePortfolio, isPortfolioPath, type LiveOptions, type LiveUpdate } from './live-portfolio.ts';

export interface WatchOptions extends LiveOptions {
  onUpdate: (update: LiveUpdate) => void | Promise<void>;
  onError?: (error: unknown) => void;
}

export interface PortfolioWatcher {
  live: LivePortfolio;
  /** Resolves once the watcher sees every file. */
  ready: Promise<void>;
  close: () => Promise<void>;
}

/** How long after a file's first event it is read (see `onEvent`). */
const SETTLE_MS = 20;

export async function watchPortfolio(options: WatchOptions): Promise<PortfolioWatcher> {
  const live = await LivePortfolio.open(options);
  const { dir } = live;
  const watcher: FSWatcher = watch(dir, {
    ignoreInitial: true,
    // As the folder walk: a link to a folder is not followed, so nothing outside the portfolio is watched
    // or read (a link to a file is still seen, and reported by the reader).
    followSymlinks: false,
    // Dot-files (our own temporary files, editors' swap files) and `_` files are never clients.
    ignored: (file, stats) => {
      const rel = path.relative(dir, file);
      if (rel === '' || rel.startsWith('..')) return false;
      if (rel.split(path.sep).some((part) => isIgnoredName(part) || part === 'node_modules')) return true;
      return !!stats?.isFile() && !isPortfolioPath(rel.split(path.sep).join('/'));
    },
  });

  // Events are handled one at a time, and a file saved again while waiting is checked once. A file is
  // read a moment after its first event: a save that creates the file and then writes it (as Node's
  // writeFile and some editors do) is then read whole, not reported empty and then fixed.
  const pending = new Set<string>();
  let running = Promise.resolve();
  const onEvent = (file: string) => {
    const rel = path.relative(dir, file).split(path.sep).join('/');
    if (!isPortfolioPath(rel) || pending.has(rel)) return;
    pending.add(rel);
    const settled = new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    running = running.then(async () => {
      await settled;
      pending.delete(rel);
      try {
        await options.onUpdate(await live.update(rel));
      } catch (error) {
        options.onError?.(error);
      }
    });
  };
  watcher.on('add', onEvent).on('change', onEvent).on('unlink', onEvent);
  // A folder deleted or moved away whole: each client file in it is gone.
  watcher.on('unlinkDir', (folder) => {
    for (const rel of live.filesUnder(path.relative(dir, folder).split(path.sep).join('/'))) onEvent(path.join(dir, rel));
  });
  watcher.on('error', (error) => options.onError?.(error));
  const ready = new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  return {
    live,
    ready,
    close: async () => {
      await watcher.close();
      await running;
    },
  };
}
