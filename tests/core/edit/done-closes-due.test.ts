/**
 * One vocabulary for `due` and `done`: every item `due` prints can be closed by `done` with the title
 * `due` printed, and after that it is no longer due on that date (gone, or moved later).
 */
import { outdent } from 'outdent';
import { expect, test } from 'vitest';
import { run } from '../../helpers/cli.ts';
import { tempPortfolios } from '../../helpers/portfolio.ts';

const portfolio = tempPortfolios();
const AS_OF = '2026-11-24';

const hanks = outdent`
  ---
  name: Hank's Hardware
  type: strategic
  contact:
    name: Hank Miller
  growth:
    outlook: growing
    asked: 2025-10-02
  meetings:
    cadence: monthly
    last: 2026-10-03
  actions:
    - title: Renew anti-virus
      due: 2026-11-15
      every: 1 year
    - title: Send the quote
      due: 2026-11-20
    - title: Call about the printer
      due: 2026-12-10
  assets:
    - name: ESET PROTECT Entry
      kind: licence
      expires: 2026-12-10
      renew: 1 year
    - name: Router
      kind: network
      expires: 2026-11-01
  ---

`;

interface Item {
  client: string;
  title: string;
  kind: string;
  due: string | null;
}

async function dueItems(dir: string): Promise<Item[]> {
  const r = await run(['due', '--json', '--all', '--as-of', AS_OF, '--dir', dir], dir);
  return (JSON.parse(r.stdout) as { items: Item[] }).items;
}

test('done closes every item due prints, named by the title due prints', async () => {
  const dir = await portfolio({ 'clientbook.yaml': 'time_zone: UTC\n', 'hanks.md': hanks });
  const before = await dueItems(dir);
  expect(before.map((i) => i.title).sort()).toEqual(
    ['Ask about the growth outlook', 'Call about the printer', 'ESET PROTECT Entry expires', 'Monthly meeting', 'Renew anti-virus', 'Router expires', 'Send the quote'].sort(),
  );
  for (const item of before) {
    const until = item.title === 'Router expires' ? ['--until', '2027-11-01'] : [];
    const r = await run(['done', item.client, item.title, '--on', AS_OF, ...until, '--dir', dir], dir);
    expect(r.code, `${item.title}: ${r.stderr}`).toBe(0);
    const after = (await dueItems(dir)).find((i) => i.title === item.title);
    if (after) expect(after.due !== null && after.due > AS_OF, `${item.title} is still due on ${after?.due}`).toBe(true);
  }
  const left = await dueItems(dir);
  expect(left.map((i) => `${i.title} ${i.due}`).sort()).toEqual(
    ['Ask about the growth outlook 2027-11-24', 'ESET PROTECT Entry expires 2027-12-10', 'Monthly meeting 2026-12-24', 'Renew anti-virus 2027-11-15', 'Router expires 2027-11-01'].sort(),
  );
});
