/**
 * The import rules of docs/architecture.md, checked over every module of scripts/ and site/:
 * the core imports no face (nor Astro, nor site/), the site integration does not import the CLI,
 * no command imports another, the core's stages import only downward, and nothing imports in a
 * circle. Type-only imports count too: they tie the modules together for a reader all the same.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SOURCES = /\.(ts|mts|mjs|js|astro)$/;

function listFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : listFiles(rel);
    return SOURCES.test(entry.name) ? [rel] : [];
  });
}

/** The specifiers a module imports: static, re-exported and dynamic (`import('...')` with a literal). */
export function specifiersOf(text: string): string[] {
  // Astro components: only the front matter and <script> tags hold imports.
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const out: string[] = [];
  for (const m of code.matchAll(/\b(?:import|export)\s+(?:type\s+)?(?:[\w*{}\s,$]+?\s+from\s+)?['"]([^'"]+)['"]/g)) out.push(m[1]!);
  for (const m of code.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) out.push(m[1]!);
  return out;
}

interface Edge {
  from: string;
  to: string;
}

/** Every import edge; local ones resolved to a repository path, packages kept by their name. */
function graph(): { files: string[]; edges: Edge[] } {
  const files = [...listFiles('scripts'), ...listFiles('site')];
  const edges: Edge[] = [];
  for (const file of files) {
    for (const spec of specifiersOf(readFileSync(path.join(ROOT, file), 'utf8'))) {
      const to = spec.startsWith('.') ? path.posix.normalize(path.posix.join(path.posix.dirname(file), spec)) : spec.startsWith('#') ? resolveAlias(spec) : `package:${spec}`;
      edges.push({ from: file, to });
    }
  }
  return { files, edges };
}

/** package.json "imports" aliases (`#core/...`), resolved as Node resolves them. */
function resolveAlias(spec: string): string {
  const imports = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { imports?: Record<string, string> }).imports ?? {};
  for (const [pattern, target] of Object.entries(imports)) {
    const [head, tail = ''] = pattern.split('*');
    if (spec.startsWith(head!) && spec.endsWith(tail) && pattern.includes('*'))
      return path.posix.normalize(target.replace('*', spec.slice(head!.length, spec.length - tail.length)));
    if (spec === pattern) return path.posix.normalize(target);
  }
  return `unresolved:${spec}`;
}

const isUnder = (file: string, dir: string) => file.startsWith(`${dir}/`);
const { files, edges } = graph();
const show = (list: Edge[]) => list.map((e) => `${e.from} -> ${e.to}`);

/** The modules of the commands: those program.ts loads lazily, one per command. */
function commandModules(): string[] {
  const program = readFileSync(path.join(ROOT, 'scripts/cli/program.ts'), 'utf8');
  return [...program.matchAll(/import\(['"]\.\/(commands\/[^'"]+)['"]\)/g)].map((m) => `scripts/cli/${m[1]}`);
}

/** The core's stages, lowest first: a stage imports only from itself and those before it. */
const STAGES = ['schema', 'load', 'validate', 'model'];
const stageOf = (file: string) => STAGES.findIndex((stage) => isUnder(file, `scripts/core/${stage}`));

describe('the import graph', () => {
  it('is read from the sources', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(edges.some((e) => e.from === 'scripts/cli/main.ts' && e.to === 'scripts/cli/program.ts')).toBe(true);
  });

  it('the core imports no face, no Astro and nothing of site/', () => {
    const bad = edges.filter(
      (e) =>
        isUnder(e.from, 'scripts/core') &&
        (isUnder(e.to, 'scripts/cli') || isUnder(e.to, 'scripts/site-integration') || isUnder(e.to, 'site') || /^package:astro(\/|$)/.test(e.to)),
    );
    expect(show(bad)).toEqual([]);
  });

  it('the site integration and the site do not import the CLI', () => {
    const bad = edges.filter((e) => (isUnder(e.from, 'scripts/site-integration') || isUnder(e.from, 'site')) && isUnder(e.to, 'scripts/cli'));
    expect(show(bad)).toEqual([]);
  });

  it('no command imports another', () => {
    const commands = new Set(commandModules());
    expect(commands.size).toBeGreaterThan(5);
    const bad = edges.filter((e) => commands.has(e.from) && commands.has(e.to) && e.from !== e.to);
    expect(show(bad)).toEqual([]);
  });

  it("the core's stages (schema, load, validate, model) import only downward", () => {
    const bad = edges.filter((e) => {
      const from = stageOf(e.from);
      const to = stageOf(e.to);
      return from !== -1 && to !== -1 && to > from;
    });
    expect(show(bad)).toEqual([]);
  });

  it('has no cycle', () => {
    const local = new Map<string, string[]>();
    for (const e of edges) if (!e.to.startsWith('package:')) local.set(e.from, [...(local.get(e.from) ?? []), e.to]);
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const stack: string[] = [];
    const visit = (file: string) => {
      state.set(file, 'open');
      stack.push(file);
      for (const next of local.get(file) ?? []) {
        if (state.get(next) === 'open') cycles.push([...stack.slice(stack.indexOf(next)), next].join(' -> '));
        else if (!state.has(next)) visit(next);
      }
      stack.pop();
      state.set(file, 'done');
    };
    for (const file of files) if (!state.has(file)) visit(file);
    expect(cycles).toEqual([]);
  });
});
