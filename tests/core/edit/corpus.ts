/**
 * Oddly formatted client files for byte-exact edit tests. Each base text is written with LF and no BOM;
 * `variants` turns it into every combination of CRLF, a byte-order mark and a missing final newline.
 */
import { outdent } from 'outdent';

export const odd = {
  /** Comments everywhere, trailing spaces, mixed quoting, a flow item, a block scalar, a nested list last. */
  comments: outdent`
    ---
    # Leading comment
    name: Odd & Co   # trailing comment
    type: basic

    # A comment before contact
    contact:
      # inside
      name: Ann Lee # who
    growth: {outlook: stable}   # flow mapping
    meetings:
      cadence: monthly # every month
      # last: 2026-01-01
    actions:
      # first action
      - title: Call Ann   
        # between keys
        due: 2026-12-15   # trailing, with spaces before
        # after last key
      - title: "Renew the domain"
        due: "2026-12-01"
        every: 1 year # yearly
      - {title: Flow action, due: '2026-12-20', tags: [a, b]}
      - title: Backup test
        due: 2026-01-31
        every: 1 month
        note: |
          Keep the log.
          Every time.

      - title: Tagged
        tags:
          - x
          - y
    # trailing comment at the end of the front matter
    ---
    Body text without dated headings.   

  `,
  /** Four-space indentation, a list not indented under its key, single quotes, newest notes first. */
  indented: outdent`
    ---
    name: 'Quoted Name'
    type: strategic
    contact:
        name: Bob
    growth:
        outlook: growing
        asked: '2026-01-20'
    actions:
    - title: Only action
      due: 2026-12-15
    - title: Recurring
      due: '2026-12-15'
      every: 3 months
    ---
    ## 2026-11-03 Newer
    text

    ## 2026-10-01 Older
    text

  `,
  /** Flow mappings and a flow list of actions; no body at all. */
  flow: outdent`
    ---
    name: Flowy
    type: break-fix
    contact: {name: Cy}
    growth: {outlook: unknown}
    meetings: {cadence: weekly, last: "2026-11-01"}
    actions: [{title: First thing, due: 2026-12-01}, {title: Weekly check, due: 2026-11-30, every: 1 week}]
    ---

  `,
  /** No meetings; oldest notes first, a fenced block that holds a fake heading, an undated section last. */
  oldestFirst: outdent`
    ---
    name: Dee
    type: basic
    contact:
      name: Dee
    growth:
      outlook: stable
    actions:
      - title: Do it
    ---

    ## 2026-01-05 First
    text
    \`\`\`
    ## 2026-12-31 not a heading
    \`\`\`

    ## 2026-06-01 Second
    more

    ## History
    Old stuff.

  `,
  /** Assets (FORMAT 1.1) in block and flow items, single-quoted titles, a comment between actions. */
  assets: outdent`
    ---
    name: Hank's Hardware   # the store
    type: strategic
    contact:
      name: Hank
    growth:
      outlook: growing # as of last year
    meetings: {cadence: quarterly}
    actions:
      - title: 'Send the quote'
        due: '2026-11-20'
      # done ones below
      - title: 'Old one'
        done: '2026-01-05'
    assets:
      - name: Main server
        kind: server
        expires: 2021-05-01 # warranty
        replace: 2027-Q2
        cost: 4200
      - name: ESET PROTECT Entry
        kind: licence
        expires: 2026-01-31
        renew: 1 month
        notice: 60 days
      - {name: Domain, kind: domain, expires: "2026-12-31"}
      - name: Old NAS
        kind: backup
        status: in-use
        replace: 2026
    # end
    ---
    ## 2026-11-03 Visit
    text

  `,
  /** An empty flow list of actions with a comment, and no growth \`asked\`. */
  empty: outdent`
    ---
    name: Empty
    type: basic
    contact:
      name: Em
    growth:
      outlook: stable
    actions: []   # none yet
    ---

  `,
};

export type OddName = keyof typeof odd;

export interface Variant {
  label: string;
  eol: '\n' | '\r\n';
  bom: boolean;
  finalNewline: boolean;
}

export const variants: Variant[] = [];
for (const eol of ['\n', '\r\n'] as const)
  for (const bom of [false, true])
    for (const finalNewline of [true, false])
      variants.push({ label: `${eol === '\n' ? 'LF' : 'CRLF'}${bom ? '+BOM' : ''}${finalNewline ? '' : ', no final newline'}`, eol, bom, finalNewline });

/** The base text in a variant's line ends, without its final newline if asked. Offsets are into this text. */
export function textOf(base: string, v: Variant): string {
  const text = base.replaceAll('\n', v.eol);
  return v.finalNewline ? text : text.replace(/\r?\n$/, '');
}

export function bytesOf(text: string, bom: boolean): Uint8Array {
  const body = new TextEncoder().encode(text);
  return bom ? new Uint8Array([0xef, 0xbb, 0xbf, ...body]) : body;
}

/** Replaces the one occurrence of `anchor` (an error if there is not exactly one). */
export function replaceOnce(text: string, anchor: string, replacement: string): string {
  const at = text.indexOf(anchor);
  if (at === -1 || text.indexOf(anchor, at + 1) !== -1) throw new Error(`anchor must occur once: ${JSON.stringify(anchor)}`);
  return text.slice(0, at) + replacement + text.slice(at + anchor.length);
}
