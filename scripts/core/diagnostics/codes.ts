/**
 * Every diagnostic code clientbook reports, with what it means. The codes reach `validate --json`
 * and GitHub annotations, so they are an API: this union is closed, and the "Errors and warnings"
 * section of docs/format.md is generated from this catalogue (`npm run docs`).
 *
 * A new code: add it here (title, why, an example fix), add a fixture that produces it in
 * tests/core/diagnostics/codes.test.ts, and run `npm run docs`.
 */
export interface CodeInfo {
  /** The severity it is reported with. */
  severity: 'error' | 'warning';
  /** Where the docs list it. */
  group: CodeGroup;
  /** What it says, in a few words. */
  title: string;
  /** Why it matters to the user. */
  why: string;
  /** What to do, with an example (Markdown). */
  fix: string;
}

export type CodeGroup = 'file' | 'yaml' | 'value' | 'rule' | 'settings';

export const CODE_GROUPS: Record<CodeGroup, string> = {
  file: 'Reading the file',
  yaml: 'YAML syntax',
  value: 'Keys and values',
  rule: 'Rules across fields and files',
  settings: 'Portfolio settings',
};

const yaml = (title: string, fix: string): CodeInfo => ({
  severity: 'error',
  group: 'yaml',
  title,
  why: 'The front matter cannot be read at all until the YAML is fixed, so nothing else in the file is checked.',
  fix,
});

/** The catalogue: one entry per code, grouped as the docs show them. */
export const DIAGNOSTIC_CODES = {
  // Reading the file
  'unreadable-file': {
    severity: 'error', group: 'file', title: 'The file cannot be read',
    why: 'A client whose file cannot be read would silently drop out of every report.',
    fix: 'Restore the file a link points to, or give yourself read permission (`chmod u+r clients/acme.md`).',
  },
  'symbolic-link': {
    severity: 'error', group: 'file', title: 'The file is a symbolic link',
    why: 'clientbook never reads through a link to a file, so that nothing outside the portfolio (`/etc/shadow`, `/proc/self/environ`) can end up in a report, a CI log or the site.',
    fix: 'Put the file itself in the portfolio in place of the link (`mv ../shared/acme.md clients/acme.md`), or delete the link.',
  },
  'not-a-file': {
    severity: 'error', group: 'file', title: 'Not a regular file (a FIFO, a device, a socket)',
    why: 'It is named like a client file, but reading it could block a command for ever or read without end, so it is never opened.',
    fix: 'Move it out of the portfolio, or rename it so that its name does not end in `.md`.',
  },
  'unreadable-folder': {
    severity: 'error', group: 'file', title: 'A subfolder cannot be read',
    why: 'The clients in it would silently drop out of every report.',
    fix: 'Give yourself read and search permission (`chmod u+rx clients/north`), or move the folder out of the portfolio.',
  },
  'not-md': {
    severity: 'warning', group: 'file', title: 'A file ends in .MD, not .md',
    why: 'Only names ending in `.md` are client files: a client saved as `Acme.MD` would drop out of every report without a word.',
    fix: 'Rename it to `acme.md`, or begin its name with `_` to keep it in the folder as something else.',
  },
  'binary-file': {
    severity: 'error', group: 'file', title: 'The file is not text (it contains a NUL byte)',
    why: 'Every `.md` file in the portfolio is read as a client; a binary file is not one.',
    fix: 'Move the file out of the portfolio, or give it a name that does not end in `.md` (`logo.png`).',
  },
  'not-utf8': {
    severity: 'error', group: 'file', title: 'The file is not valid UTF-8',
    why: 'Text in another encoding would show up garbled on the site and in every edit.',
    fix: 'Save the file as UTF-8 in your editor ("Save with encoding").',
  },
  'old-mac-line-ends': {
    severity: 'error', group: 'file', title: 'Lines end with a carriage return (CR) alone',
    why: 'YAML reads a lone CR as a line break, git and most tools do not: the file would be read differently from how it shows, with every line number wrong.',
    fix: 'Save the file with LF or CRLF line ends (`dos2unix -c mac clients/acme.md`).',
  },
  'bad-file-name': {
    severity: 'error', group: 'file', title: 'The file name is not a valid client id',
    why: 'The file name is the client\'s id, used in links, on the command line and in `referred_by`.',
    fix: 'Rename `Hanks Hardware.md` to `hanks-hardware.md`: lowercase letters, digits and hyphens.',
  },
  'duplicate-id': {
    severity: 'error', group: 'file', title: 'Two files have the same client id',
    why: 'Ids are file names and must be unique across all subfolders, or one client would hide the other.',
    fix: 'Rename one of `north/bonanza-lodge.md` and `bonanza-lodge.md`.',
  },
  'empty-file': {
    severity: 'error', group: 'file', title: 'The file is empty',
    why: 'An empty `.md` file is a client with no data.',
    fix: 'Start it from `templates/client.md`, or run `npx clientbook new "Client name"`.',
  },
  'no-front-matter': {
    severity: 'error', group: 'file', title: 'The file has no front matter',
    why: 'The front matter holds the client\'s data; without it there is nothing to report.',
    fix: 'Put the fields between two `---` lines at the top of the file: a line `---`, then `name: Hank\'s Hardware` and the other fields, then a line `---`.',
  },
  'bad-front-matter-fence': {
    severity: 'error', group: 'file', title: 'The opening fence is not exactly `---`',
    why: 'Client files are always YAML; `---yaml` is not the fence other tools read either.',
    fix: 'Write `---` alone on the first line.',
  },
  'front-matter-language': {
    severity: 'error', group: 'file', title: 'Front matter in a language other than YAML',
    why: 'TOML (`+++`) or JavaScript front matter is refused, and never executed.',
    fix: 'Write the front matter in YAML between two lines of exactly `---`.',
  },
  'unterminated-front-matter': {
    severity: 'error', group: 'file', title: 'The front matter is never closed',
    why: 'Without the closing `---`, the notes would be read as YAML.',
    fix: 'Add a line of exactly `---` after the last field, before the notes.',
  },
  'empty-front-matter': {
    severity: 'error', group: 'file', title: 'The front matter is empty',
    why: 'A client needs at least its name, type, contact, growth and actions.',
    fix: 'Write one `key: value` per line between the fences, e.g. `name: Hank\'s Hardware`.',
  },
  'front-matter-not-mapping': {
    severity: 'error', group: 'file', title: 'The front matter is not a mapping of `key: value` lines',
    why: 'A list or a lone value has no fields to read.',
    fix: 'Write one `key: value` per line, e.g. `name: Hank\'s Hardware`.',
  },

  // YAML syntax (one per error code of the yaml package, and the alias limit)
  'yaml-alias-props': yaml('An alias has an anchor or a tag', 'Write `b: *x`, not `b: &y *x`.'),
  'yaml-bad-alias': yaml('An alias refers to no anchor', 'Define `&name` before `*name`, or write the value out.'),
  'yaml-alias-limit': yaml('Aliases expand to too many values', 'Write the values out instead of nesting `*aliases` of `&anchors`.'),
  'yaml-bad-directive': yaml('A `%` directive line', 'Delete the `%...` line: front matter has no directives.'),
  'yaml-bad-dq-escape': yaml('A backslash in double quotes that is not an escape', 'Write `note: \'C:\\Users\\Hank\'` in single quotes, or double each backslash.'),
  'yaml-bad-indent': yaml('A key or bracket out of line', 'Line up the keys of one mapping in one column; close `[` with `]` on the same line.'),
  'yaml-bad-prop-order': yaml('An anchor and a tag in the wrong order', 'Remove the `!tag`; write `&anchor` before the value.'),
  'yaml-bad-scalar-start': yaml('A value starts with a character reserved by YAML', 'Put the value in quotes: `note: "@home"`.'),
  'yaml-block-as-implicit-key': yaml('A value contains `: `', 'Put the value in quotes: `name: "Acme: the best"`.'),
  'yaml-block-in-flow': yaml('A `- item` or `key:` block inside `[...]` or `{...}`', 'Write either `tags: [a, b]` or one `- item` per line.'),
  'yaml-duplicate-key': yaml('A key appears twice in one mapping', 'Keep one of them: the second would silently replace the first.'),
  'yaml-impossible': yaml('The YAML parser failed', 'Check the YAML syntax on the line; report the file if it looks right.'),
  'yaml-key-over-1024-chars': yaml('A key longer than 1,024 characters', 'Shorten the key; long text belongs in a value or in the notes.'),
  'yaml-missing-char': yaml('A closing quote, a `-`, a colon or a comma is missing', 'Close the quote: `name: "Hank\'s Hardware"`.'),
  'yaml-multiline-implicit-key': yaml('A line is not a `key: value` pair, or is indented too far', 'Write `name: Acme` with a space after the colon, lined up with the other keys.'),
  'yaml-multiple-anchors': yaml('A value has two anchors', 'Keep one `&anchor`.'),
  'yaml-multiple-docs': yaml('The front matter (or clientbook.yaml) holds more than one YAML document', 'Remove the `...` line inside the front matter, or the second `---` line of clientbook.yaml.'),
  'yaml-multiple-tags': yaml('A value has two tags', 'Remove the `!tags`: client files use plain values.'),
  'yaml-non-string-key': yaml('A key that is not text', 'Write keys as plain words: `name:`, not `[name]:`.'),
  'yaml-resource-exhaustion': yaml('The YAML expands to too much', 'Write the values out instead of nesting aliases.'),
  'yaml-tab-as-indent': yaml('A tab is used for indentation', 'Indent with spaces, two per level.'),
  'yaml-tag-resolve-failed': yaml('An unsupported `!tag`', 'Remove the tag: `seats: 12`, not `seats: !!int 12`.'),
  'yaml-bad-collection-type': yaml('A `!tag` on a list or mapping', 'Remove the tag.'),
  'yaml-circular-alias': yaml('An alias inside the value its anchor names', 'Write the value out: `x-a: [1, 2]`, not `x-a: &a [1, *a]`.'),
  'yaml-complex-key': yaml('A key that is a list, a mapping or an alias', 'Write keys as plain words: `x-pair: [a, b]`, not `? [a, b]`.'),
  'yaml-merge-key': yaml('A `<<` merge key (YAML 1.1; nothing is merged)', 'Write the keys out in the mapping instead of `<<: *defaults`.'),
  'yaml-too-deep': yaml('Values nested too deeply', 'Flatten the value: client files need a few levels of nesting at most.'),
  'yaml-unexpected-token': yaml('A character YAML did not expect here', 'Remove the stray `]`, `}` or `,`, or put the value in quotes.'),

  // Keys and values
  'unknown-key': {
    severity: 'error', group: 'value', title: 'A key that is not part of the format',
    why: 'A misspelt key (`outlok:`) would otherwise be ignored, and its value silently lost from every report.',
    fix: 'Rename it to the key suggested (`outlook:`), or make it your own with `x-` (`x-billing-code:`).',
  },
  'missing-key': {
    severity: 'error', group: 'value', title: 'A required key is missing',
    why:
      'Reports rely on it: a client without `actions` or `growth` would drop out of the agenda. Required are `name`, `type`, ' +
      '`growth` and its `outlook`, `actions`, `contact` (unless `status: former`) and its `name`, `meetings.cadence` when there ' +
      'is a `meetings`, a person\'s `name`, an action\'s `title`, an asset\'s `name` and `kind`, a roadmap item\'s `title` and `when`.',
    fix: 'Add it, e.g. `growth:` with `outlook: unknown` below it, or `actions: []`.',
  },
  'empty-value': {
    severity: 'error', group: 'value', title: 'A key has no value',
    why: '`due:` with nothing after it is not a date; the action would never be due.',
    fix: 'Write the value after the colon (`due: 2026-12-15`), or delete the line.',
  },
  'wrong-type': {
    severity: 'error', group: 'value', title: 'A value of the wrong kind (a list where one value belongs, ...)',
    why: 'The value cannot mean what was intended, so it is not guessed at.',
    fix: 'Write `contact:` with its keys indented on the lines below it, or `tags: [backup]`.',
  },
  'bad-enum': {
    severity: 'error', group: 'value', title: 'A value outside its allowed values',
    why: 'Reports sort and count by these values; `Strategic` is not `strategic`.',
    fix: 'Write one of the allowed values, e.g. `type: strategic`.',
  },
  'out-of-range': {
    severity: 'error', group: 'value', title: 'A number outside its range',
    why: 'The number cannot be what was meant.',
    fix: 'Write a number within the range the message gives.',
  },
  'invalid-value': {
    severity: 'error', group: 'value', title: 'A value that is not valid here',
    why: 'The value cannot be read as what the field holds.',
    fix: 'Write the value as the message says.',
  },
  'bad-date': {
    severity: 'error', group: 'value', title: 'Not a date (or month)',
    why: 'Due dates drive the agenda; `12/01/2026` could be two different days.',
    fix: 'Write dates year first: `due: 2026-12-01`.',
  },
  'bad-year': {
    severity: 'error', group: 'value', title: 'Not a year',
    why: 'The roadmap places items by year.',
    fix: 'Write the year as a plain number: `year: 2028`.',
  },
  'bad-period': {
    severity: 'error', group: 'value', title: 'Not a year, quarter, month or date',
    why: 'The roadmap places items by their period.',
    fix: 'Write `when: 2027-Q2`, `when: 2027-05` or `when: 2027`.',
  },
  'bad-interval': {
    severity: 'error', group: 'value', title: 'Not an interval',
    why: 'A recurring action repeats by it.',
    fix: 'Write a number and a unit: `every: 3 months`.',
  },
  'bad-money': {
    severity: 'error', group: 'value', title: 'Not an amount of money',
    why: 'Costs are added up on the roadmap; `$6,500` is text.',
    fix: 'Write a plain number: `cost: 6500`.',
  },
  'bad-number': {
    severity: 'error', group: 'value', title: 'Not a whole number in range',
    why: 'Counts such as seats and employees are added up.',
    fix: 'Write a plain whole number: `seats: 12`.',
  },
  'bad-text': {
    severity: 'error', group: 'value', title: 'Not text, or empty text',
    why: 'YAML reads `phone: 0800123` as a number and drops the leading zero.',
    fix: 'Put the value in quotes: `phone: "0800123"`.',
  },
  'bad-client-id': {
    severity: 'error', group: 'value', title: 'Not a client id',
    why: '`referred_by` links to another client\'s page by its id.',
    fix: 'Write the id: the file name without .md, e.g. `referred_by: lakeside-dental`.',
  },

  // Rules across fields and files
  'unknown-client': {
    severity: 'error', group: 'rule', title: '`referred_by` names no client of the portfolio',
    why: 'The referral would link to a page that does not exist.',
    fix: 'Write the id of the referring client (its file name without .md); a referrer who is not a client goes in a note.',
  },
  'self-referral': {
    severity: 'error', group: 'rule', title: 'A client refers itself',
    why: 'It is a copy-and-paste slip: a client cannot have referred itself.',
    fix: 'Name the client who referred this one, or delete the line.',
  },
  'every-without-due': {
    severity: 'error', group: 'rule', title: '`every` without `due`',
    why: 'A recurring action repeats from its due date; without one it would never come up.',
    fix: 'Add the next due date: `due: 2026-12-15`.',
  },
  'duplicate-action': {
    severity: 'error', group: 'rule', title: 'Two actions of one client with the same title',
    why: '`clientbook done` finds an action by its title.',
    fix: 'Give each action its own title ("Renew anti-virus for the front office").',
  },
  'renew-without-expires': {
    severity: 'error', group: 'rule', title: '`renew` without `expires`',
    why: 'An asset is renewed from the day it expires; without one the renewal would never come up.',
    fix: 'Add the date it next expires: `expires: 2027-03-31`.',
  },
  'duplicate-asset': {
    severity: 'error', group: 'rule', title: 'Two assets of one client with the same name',
    why: 'Commands and the history find an asset by its name.',
    fix: 'Give each asset its own name ("Firewall, front desk"), or merge them.',
  },
  'done-in-future': {
    severity: 'warning', group: 'rule', title: 'A `done` date after today',
    why: 'It is usually a typo in the year.',
    fix: 'Write the day the action was actually done: `done: 2026-11-28`.',
  },
  'asked-in-future': {
    severity: 'warning', group: 'rule', title: 'A `growth.asked` date after today',
    why: 'It is usually a typo in the year, and it would hide the next outlook check for a year.',
    fix: 'Write the day the client was actually asked: `asked: 2026-01-20`.',
  },
  'met-in-future': {
    severity: 'warning', group: 'rule', title: 'A `meetings.last` date after today',
    why: 'It is usually a typo in the year, and it would hide the next meeting.',
    fix: 'Write the day of the last meeting held: `last: 2026-11-03`.',
  },
  'horizon-before-asked': {
    severity: 'warning', group: 'rule', title: 'A `growth.horizon` before the year the outlook was asked',
    why: 'The horizon is how far the outlook reaches from when it was asked; a year before that is a typo.',
    fix: 'Write a year from the year of `asked` on, or delete it for the default (three years after `asked`): `horizon: 2029`.',
  },
  'no-next-action': {
    severity: 'warning', group: 'rule', title: 'An active client or prospect with no open action',
    why: 'Every client should have a next action, or it is forgotten.',
    fix: 'Add what comes next, even without a date: `- title: Call to book the roadmap meeting`.',
  },
  'template-placeholder': {
    severity: 'warning', group: 'rule', title: 'The template\'s placeholder is still there',
    why: '`CLIENT NAME` would show on the site and in the agenda.',
    fix: 'Write the real name: `name: Hank\'s Hardware`.',
  },
  secret: {
    severity: 'warning', group: 'rule', title: 'Something that looks like a secret',
    why: 'Client files are shared through git, and a secret stays in its history.',
    fix: 'Move it to your password manager, write where to find it ("Wi-Fi password: in the vault"), and change the password.',
  },

  // Portfolio settings
  'bad-format-version': {
    severity: 'error', group: 'settings', title: 'Not a format version',
    why: 'clientbook checks that it can read the format the book is written in.',
    fix: 'Write the version as major.minor: `format: 1.1`.',
  },
  'format-too-new': {
    severity: 'error', group: 'settings', title: 'The book is written in a newer format than this clientbook reads',
    why: 'Fields of the newer format would be misread or reported as unknown.',
    fix: 'Upgrade clientbook in the book\'s folder: `npm install clientbook@latest`.',
  },
  'misnamed-settings': {
    severity: 'error', group: 'settings', title: 'The settings file has another name than clientbook.yaml',
    why: 'clientbook reads `clientbook.yaml` only: settings under another name (`clientbook.yml`) would be silently replaced by the defaults.',
    fix: 'Rename it: `git mv clients/clientbook.yml clients/clientbook.yaml`.',
  },
  'bad-time-zone': {
    severity: 'error', group: 'settings', title: 'Not a time zone',
    why: '"Today" is reckoned in it; a wrong zone moves every due date.',
    fix: 'Write an IANA name: `time_zone: America/Whitehorse`.',
  },
  'bad-currency': {
    severity: 'error', group: 'settings', title: 'Not a currency code',
    why: 'Every `cost` is shown in it.',
    fix: 'Write a three-letter ISO 4217 code: `currency: CAD`.',
  },
  'bad-locale': {
    severity: 'error', group: 'settings', title: 'Not a locale',
    why: 'Numbers, money and dates on the site are written in it.',
    fix: 'Write a BCP 47 language tag: `locale: en-CA`.',
  },
} as const satisfies Record<string, CodeInfo>;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;

export const isDiagnosticCode = (code: string): code is DiagnosticCode => Object.hasOwn(DIAGNOSTIC_CODES, code);
