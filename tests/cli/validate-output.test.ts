/** What `validate` prints is the behaviour: held whole, as the user reads it. */
import { describe, expect, it } from 'vitest';
import { run } from '../helpers/cli.ts';
import { client, tempPortfolios } from '../helpers/portfolio.ts';

const portfolio = tempPortfolios();

describe('validate, as printed', () => {
  it('a wrong date and a misspelt key: located, framed, with a hint and the summary', async () => {
    const dir = await portfolio({ 'acme.md': client('outlok: stable\nsince: 12/01/2016') });
    const result = await run(['validate', '--dir', '.'], dir);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatchInlineSnapshot(`
      "acme.md:2:1: error: Unknown key \`outlok\`. [unknown-key]
        1 | ---
      > 2 | outlok: stable
          | ^^^^^^
        3 | since: 12/01/2016
        hint: Known keys here: name, type, status, involvement, since, contact, people, employees, location, travel, referred_by, growth, meetings, actions, assets, roadmap. Keys of your own must start with \`x-\` (e.g. \`x-outlok\`).

      acme.md:3:8: error: \`since: 12/01/2016\` is not a date or a month. [bad-date]
        2 | outlok: stable
      > 3 | since: 12/01/2016
          |        ^^^^^^^^^^
        4 | name: Acme
        hint: Dates are written year first. For December 1 write 2016-12-01; for January 12 write 2016-01-12.

      1 file checked: 2 errors, 0 warnings.
      "
    `);
  });

  it('a folder that is not there', async () => {
    const dir = await portfolio({});
    const result = await run(['validate', '--dir', 'clients'], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatchInlineSnapshot(`
      "error: The portfolio folder clients does not exist.
        hint: Run clientbook in the folder that holds clients/, or pass --dir PATH.
      "
    `);
  });
});
