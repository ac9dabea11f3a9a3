import { lstat, readFile } from 'node:fs/promises';
import { readNoFollow } from '#core/edit/read-no-follow';
import path from 'node:path';
import { writeFileAtomic } from '#core/edit/atomic-write';
import { EditError } from '#core/edit/errors';
import { checkClientName, clientFromTemplate, idFor, MAX_ID_LENGTH } from '#core/edit/new-client';
import { lockFile } from '#core/edit/file-lock';
import { removeLeftovers } from '#core/edit/leftovers';
import { checkWritable } from '#core/edit/writable';
import { displayPath } from '#core/edit/session';
import { encodeForWrite } from '#core/edit/text';
import { checkClientFile, idOf, type ClientFile } from '#core/validate/client-file';
import { PACKAGE_ROOT } from '#core/package-root';
import { CLIENT_TYPES, type ClientType } from '#core/schema/client';
import { ID_PATTERN } from '#core/schema/values';
import { checkCrossFile } from '#core/validate/cross-file';
import { didYouMean } from '#core/validate/suggest';
import { printable } from '#core/text/printable';
import { UserError } from '../errors.ts';
import { paint, type Io } from '../io.ts';
import { asCommand, folderFor } from './edit-session.ts';

export interface NewOptions {
  dir: string;
  type?: string;
  /** The client id (file name), when the name cannot give one. */
  id?: string;
}

/** The template shipped with clientbook; a portfolio's own `_template.md` takes precedence. */
export const BUILT_IN_TEMPLATE = path.join(PACKAGE_ROOT, 'templates', 'client.md');
export const PORTFOLIO_TEMPLATE = '_template.md';

/** `clientbook new "Client name"`: a new client file from the template; prints its path. */
export async function newClient(io: Io, rawName: string, options: NewOptions): Promise<number> {
  const name = rawName.trim();
  const bad = checkClientName(rawName);
  if (bad) throw new UserError(bad, { exitCode: 2, hint: 'Give the client\'s name in quotes, e.g. clientbook new "Hank\'s Hardware".' });
  const type = checkType(options.type);
  const id = options.id ?? idFor(name);
  if (options.id !== undefined && !ID_PATTERN.test(options.id))
    throw new UserError(`--id ${options.id} is not a valid client id.`, { exitCode: 2, hint: 'Use lowercase letters, digits and hyphens, beginning with a letter or digit, e.g. --id hanks-hardware.' });
  if (id.length > MAX_ID_LENGTH)
    throw new UserError(`--id is ${id.length} characters long; a client id has at most ${MAX_ID_LENGTH}, so that its file name (ID.md) fits the file system.`, {
      exitCode: 2,
      hint: 'Choose a short id, the name people use for the client, e.g. --id hanks-hardware.',
    });
  if (id === '')
    throw new UserError(`"${name}" has no Latin letters or digits to make a client id (the file name) from.`, { exitCode: 2, hint: `Give one with --id, e.g. clientbook new "${name}" --id tokyo-trading.` });

  const { folder } = await folderFor(io, { dir: options.dir });
  const taken = folder.relPaths.find((rel) => rel.split('/').pop() === `${id}.md`);
  if (taken)
    throw new UserError(`A client with the id \`${id}\` already exists: ${displayPath(folder, taken)}.`, {
      hint: `Ids are unique across all subfolders. If this is another client, choose another id, e.g. --id ${id}-2; to add to the existing one, edit ${displayPath(folder, taken)}.`,
    });

  const own = path.join(folder.dir, PORTFOLIO_TEMPLATE);
  // The built-in template only when the portfolio has none: one it cannot read is an error, not ignored.
  const hasOwn = await lstat(own).then(() => true, (error: NodeJS.ErrnoException) => error.code !== 'ENOENT');
  const templatePath = hasOwn ? own : BUILT_IN_TEMPLATE;
  const relPath = `${id}.md`;
  const file = displayPath(folder, relPath);
  await asCommand(io, async () => {
    const template = hasOwn ? await readNoFollow(own, path.relative(io.cwd, own), 'use') : await readFile(templatePath);
    const text = clientFromTemplate(template, path.relative(io.cwd, templatePath), { name, today: folder.today, ...(type ? { type } : {}) });
    const bytes = encodeForWrite(text, false);
    const checked = checkClientFile(bytes, relPath, file, folder.today);
    const others = folder.relPaths.map((rel): ClientFile => ({ id: idOf(rel), file: rel, relPath: rel, yamlStart: 0, extensions: {}, body: '', bodyLine: 1, diagnostics: [] }));
    const errors = [...checked.diagnostics, ...checkCrossFile([checked, ...others]).filter((d) => d.file === file)].filter((d) => d.severity === 'error');
    if (errors.length > 0) {
      const first = errors[0]!;
      throw new EditError(`The template ${path.relative(io.cwd, templatePath)} gives a client file with errors (line ${first.line}: ${first.message}), so nothing was written.`, {
        hint: 'Fix the template; `npx clientbook validate --dir` on a copy of it shows every problem.',
      });
    }
    const target = path.join(folder.dir, relPath);
    await checkWritable(target, file, { exists: false });
    await removeLeftovers(folder.dir);
    const lock = await lockFile(target, { display: file });
    try {
      await writeFileAtomic(target, bytes, { expected: null, display: file });
    } finally {
      await lock.release();
    }
  });
  const p = paint(io.color);
  io.stdout(`${printable(file)}\n`);
  io.stderr(`${p.green('Created')} ${p.bold(printable(file))} for ${printable(name.replace(/[.]$/, ''))}. Next: fill in the contact and the first action, then run \`npx clientbook validate\`.\n`);
  return 0;
}

function checkType(type: string | undefined): ClientType | undefined {
  if (type === undefined) return undefined;
  if ((CLIENT_TYPES as readonly string[]).includes(type)) return type as ClientType;
  const suggestion = didYouMean(type, CLIENT_TYPES);
  throw new UserError(`--type ${type} is not a client type${suggestion ? `. Did you mean \`${suggestion}\`?` : '.'}`, {
    exitCode: 2,
    hint: `Write one of: ${CLIENT_TYPES.join(', ')} (basic: keep the basics running; strategic: use IT to grow; break-fix: "can you fix it?").`,
  });
}
