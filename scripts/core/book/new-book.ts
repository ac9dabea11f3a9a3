/**
 * The files of a new client book (`clientbook init`): settings, an example client, a package.json
 * that depends on clientbook and on the Node it runs on, a README of the daily commands, a
 * .gitignore and the GitHub workflow. Only text is made here; the command decides what is written.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'yaml';
import type { PlainDate } from '../dates.ts';
import { clientFromTemplate } from '../edit/new-client.ts';
import { FORMAT_VERSION } from '../format-version.ts';
import { PACKAGE_ROOT } from '../package-root.ts';
import { slugify } from '../slug.ts';

export const BOOK_TEMPLATES = path.join(PACKAGE_ROOT, 'templates', 'book');
/** The portfolio folder of a new book. */
export const BOOK_CLIENTS = 'clients';
export const EXAMPLE_NAME = 'Example Dental Clinic';
export const EXAMPLE_ID = 'example-dental-clinic';

export interface BookSettings {
  title: string;
  timeZone: string;
  currency: string;
  locale: string;
}

export interface BookFile {
  /** Relative to the book's folder, `/`-separated. */
  path: string;
  text: string;
  /** A client file: with --force it is never written over an existing client of the same id. */
  client?: boolean;
}

export interface BookPlan {
  /** The book's folder name, for the package name. */
  folderName: string;
  settings: BookSettings;
  /** Without the example client. */
  empty: boolean;
  /** Today in the book's time zone: the example client is added as of today. */
  today: PlainDate;
}

/** What clientbook itself says of the package a book depends on: its version and the Node it runs on. */
export interface ToolPackage {
  version: string;
  /** The `node` package range the tool's own repository uses (its devDependency), e.g. `^24.21.0`. */
  nodeRange: string;
}

export async function toolPackage(): Promise<ToolPackage> {
  const pkg = JSON.parse(await readFile(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as {
    version: string;
    devDependencies?: Record<string, string>;
  };
  return { version: pkg.version, nodeRange: pkg.devDependencies?.node ?? '^24.0.0' };
}

/** A YAML scalar as it would be written after `key: ` (quoted when it must be). */
const scalar = (value: string) => stringify(value, { lineWidth: 0 }).trimEnd();

export function settingsText(settings: BookSettings): string {
  return [
    '# Settings of this client book. Every key is optional; the guide is node_modules/clientbook/docs/format.md.',
    '',
    '# The version of the client file format this book is written in.',
    `format: ${FORMAT_VERSION}`,
    '# The title of the report site, shown in the header and the browser tab.',
    `title: ${scalar(settings.title)}`,
    '# The IANA time zone that decides what "today" is.',
    `time_zone: ${scalar(settings.timeZone)}`,
    '# The ISO 4217 code of the currency roadmap costs are in.',
    `currency: ${scalar(settings.currency)}`,
    '# The locale for dates and amounts on the site.',
    `locale: ${scalar(settings.locale)}`,
    '# How many days ahead an item counts as upcoming.',
    'due_window: 30',
    '',
  ].join('\n');
}

export function packageJsonText(plan: BookPlan, tool: ToolPackage): string {
  const name = slugify(plan.folderName).slice(0, 200) || 'client-book';
  const pkg = {
    name,
    private: true,
    description: `${plan.settings.title}: clients as plain text, checked and reported on by clientbook.`,
    type: 'module',
    scripts: {
      due: 'clientbook due',
      validate: 'clientbook validate',
      build: 'clientbook build',
      dev: 'clientbook dev',
      diff: 'clientbook diff',
    },
    dependencies: {
      // Pinned: the book takes a new clientbook when its owner bumps this line.
      clientbook: tool.version,
      // Node 24 in node_modules/.bin, which npm scripts and npx run clientbook with, whatever the
      // system's Node is.
      node: tool.nodeRange,
    },
    // npm 11 runs only the install scripts a project allows: `node` installs its binary in one.
    allowScripts: { node: true, esbuild: true },
  };
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

/** Every file of a new book, in the order they are listed to the user. */
export async function bookFiles(plan: BookPlan, tool: ToolPackage): Promise<BookFile[]> {
  const template = (name: string) => readFile(path.join(BOOK_TEMPLATES, name), 'utf8');
  const readme = (await template('README.md')).replaceAll('{{TITLE}}', plan.settings.title).replaceAll('{{DIR}}', BOOK_CLIENTS);
  const files: BookFile[] = [{ path: `${BOOK_CLIENTS}/clientbook.yaml`, text: settingsText(plan.settings) }];
  if (!plan.empty) {
    const examplePath = path.join(BOOK_TEMPLATES, 'example-client.md');
    const bytes = await readFile(examplePath);
    const text = clientFromTemplate(bytes, path.relative(PACKAGE_ROOT, examplePath), { name: EXAMPLE_NAME, today: plan.today });
    files.push({ path: `${BOOK_CLIENTS}/${EXAMPLE_ID}.md`, text, client: true });
  }
  files.push(
    { path: 'package.json', text: packageJsonText(plan, tool) },
    { path: 'README.md', text: readme },
    { path: '.gitignore', text: await template('gitignore') },
    { path: '.github/workflows/clientbook.yml', text: await readFile(path.join(PACKAGE_ROOT, 'templates', 'github-workflow.yml'), 'utf8') },
    { path: '.github/workflows/pages.yml', text: await readFile(path.join(PACKAGE_ROOT, 'templates', 'github-pages.yml'), 'utf8') },
  );
  return files;
}
