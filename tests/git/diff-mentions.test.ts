/**
 * The diff comment is posted on a pull request: client text in it must not notify anyone or link
 * an issue. Rendered as GitHub renders a comment (GFM plus remark-github's mentions and references).
 */
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkGithub from 'remark-github';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { describe, expect, test } from 'vitest';
import { escapeMarkdown, inert } from '#cli/diff-format';
import { run } from '../helpers/cli.ts';
import { client } from '../helpers/portfolio.ts';
import { tempRepos } from '../helpers/git-repo.ts';

const newRepo = tempRepos();

/** The comment's HTML as GitHub would show it in repository acme/book. */
async function render(markdown: string): Promise<string> {
  const file = await unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkGithub, { repository: 'acme/book' })
    .use(remarkRehype)
    .use(rehypeStringify)
    .process(markdown);
  return String(file);
}

const links = (html: string) => [...html.matchAll(/<a href="([^"]*)"/g)].map((m) => m[1]);
const visible = (html: string) => html.replace(/<[^>]+>/g, '').replaceAll('\u200D', '');

/** Text with rehype-stringify's character references turned back into characters. */
const decoded = (text: string) => text.replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)));

const MENTIONS = 'Ask @octocat and @acme-it/helpdesk about #123, GH-45, gh-46, octo-org/octo-repo#7 and octocat@1234567';

describe('mentions and references in the diff comment', () => {
  test('the renderer links them when left alone (so the next test can fail)', async () => {
    expect(links(await render(`- ${escapeMarkdown(MENTIONS)}`))).toEqual(
      expect.arrayContaining(['https://github.com/octocat', 'https://github.com/acme/book/issues/123', 'https://github.com/octo-org/octo-repo/issues/7']),
    );
  });

  test('inert: no link, the same visible text, headings and e-mail addresses untouched', async () => {
    const markdown = inert(`#### Client ${escapeMarkdown(MENTIONS)}\n\n- ${escapeMarkdown(MENTIONS)}\n- Contact ann@example.com\n`);
    const html = await render(markdown);
    expect(links(html)).toEqual([]);
    expect(html).toMatch(/^<h4>Client /);
    expect(visible(html)).toBe(`Client ${MENTIONS}\n\n${MENTIONS}\nContact ann@example.com\n`);
  });

  test('clientbook diff: names, titles, notes of changes and diagnostics mention no one', async () => {
    const repo = newRepo();
    repo.write({ 'clients/acme.md': client('name: Acme @octocat') });
    repo.commit('Add Acme', '2026-11-01T09:00:00-07:00');
    repo.write({
      'clients/acme.md': client(
        'name: Acme @octocat\nactions:\n  - title: \"Ask @acme-it/helpdesk about #123 and GH-45\"\n    due: 2026-12-01\n  - title: Close octo-org/octo-repo#7',
      ),
      'clients/new-one.md': client('name: "#9 Tech, @team"\ncontact:\n  name: "@ann"'),
      'clients/broken.md': client('name: Broken\ntype: "@octocat"'),
    });
    repo.commit('Edit', '2026-11-02T09:00:00-07:00');
    const result = await run(['diff', 'HEAD~1', 'HEAD'], repo.root);
    expect(result.code).toBe(0);
    const [from, to] = [repo.git('rev-parse', '--short=7', 'HEAD~1'), repo.git('rev-parse', '--short=7', 'HEAD')];
    expect(result.stdout.replaceAll(from, 'FROM').replaceAll(to, 'TO')).toMatchInlineSnapshot(`
      "**Client commitments** from \`HEAD~1\` (FROM) to \`HEAD\` (TO): 1 client changed, 1 new, 1 file does not validate.

      ⚠ clients/broken.md does not validate at \`HEAD\` (TO): 1 error
        - line 3: \\\`type: "\\@‍octocat"\\\` is not a valid type.

      #### Acme \\@‍octocat

      - New action: Ask \\@‍acme-it/helpdesk about \\#‍123 and GH-‍45, due 2026-12-01
      - New action: Close octo-org/octo-repo\\#‍7, no due date
      - Dropped: Call Ann (was due 2026-12-15)

      #### New client: \\#‍9 Tech, \\@‍team

      - basic, active, contact \\@‍ann (clients/new-one.md)
      - 1 open action; next: Call Ann, due 2026-12-15
      "
    `);
    const html = await render(result.stdout);
    // Only the two commits compared are linked (GitHub links a commit hash; that notifies no one).
    const commits = [repo.git('rev-parse', '--short=7', 'HEAD~1'), repo.git('rev-parse', '--short=7', 'HEAD')];
    expect(new Set(links(html))).toEqual(new Set(commits.map((c) => `https://github.com/acme/book/commit/${c}`)));
    const text = visible(html);
    for (const seen of ['Ask @acme-it/helpdesk about #123 and GH-45', 'Close octo-org/octo-repo#7', 'New client: #9 Tech, @team', 'contact @ann'])
      expect(text).toContain(seen);
    expect(text).toMatch(/broken\.md does not validate/);
  });
});

describe('client text that reaches the comment through a character reference or a diagnostic', () => {
  test('a character reference is shown as written, never decoded into a mention or a reference', async () => {
    const text = 'Ask &commat;octocat, &#64;hubot, &#x40;acme-it/helpdesk about &num;12 and &#35;13; Evil & Co &amp; sons';
    const html = await render(inert(`- ${escapeMarkdown(text)}\n`));
    expect(links(html)).toEqual([]);
    expect(decoded(visible(html))).toBe(`\n${text}\n`);
  });

  test('a diagnostic that quotes a backtick links, shows and mentions nothing', async () => {
    const repo = newRepo();
    repo.write({ 'clients/acme.md': client('name: Acme') });
    repo.commit('Add Acme', '2026-11-01T09:00:00-07:00');
    repo.write({
      'clients/broken.md': client('name: Broken\ntype: "a` ![t](https://evil.example/t.png) [c](https://evil.example) &commat;octocat `b"'),
    });
    repo.commit('Edit', '2026-11-02T09:00:00-07:00');
    const result = await run(['diff', 'HEAD~1', 'HEAD'], repo.root);
    expect(result.code).toBe(0);
    const html = await render(result.stdout);
    expect(html).not.toContain('<img');
    // A web address shows as itself (GFM links it, as it would in any comment); nothing is disguised.
    const anchors = [...html.matchAll(/<a href="([^"]*)">([^<]*)<\/a>/g)].filter((m) => !m[1]!.startsWith('https://github.com/acme/book/commit/'));
    expect(anchors.map((m) => [m[1], m[2]])).toEqual([
      ['https://evil.example/t.png', 'https://evil.example/t.png'],
      ['https://evil.example', 'https://evil.example'],
    ]);
    expect(links(html)).not.toContain('https://github.com/octocat');
    expect(decoded(visible(html))).toContain('line 3: `type: "a` ![t](https://evil.example/t.png) [c](https://evil.example) &commat;octocat `b"` is not a valid type.');
  });
});
