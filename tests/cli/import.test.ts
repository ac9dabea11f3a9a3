/** `clientbook import FILE.csv`: clients from a spreadsheet export, checked before anything is written. */
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { guessField, mapColumns } from '#core/import/columns';
import { decodeCsv } from '#core/import/decode';
import { sinceFrom } from '#core/import/since';
import { run } from '../helpers/cli.ts';
import { client, tempPortfolios } from '../helpers/portfolio.ts';

const folder = tempPortfolios();
const SETTINGS = 'time_zone: UTC\nlocale: en-US\n';
const frontMatter = (text: string) => parse(text.split('---\n')[1]!) as Record<string, unknown>;
const clientsIn = (cwd: string) => readdirSync(path.join(cwd, 'clients')).filter((f) => f.endsWith('.md')).sort();
const read = (cwd: string, id: string) => readFileSync(path.join(cwd, 'clients', `${id}.md`), 'utf8');
const today = () => new Date().toISOString().slice(0, 10);

const SYNCRO =
  'business_name,firstname,lastname,email,phone,mobile_phone,address,city,state,zip,notes,created_at\n' +
  '"Hank\'s Hardware",Hank,Hill,hank@example.com,,+1 867 555 0100,1 Main St,Whitehorse,YT,Y1A 1A1,"Call before 8\nOwner: Hank",2021-03-04T10:00:00Z\n' +
  ',,,,,,,,,,,\n' +
  ',Bob,,bob@example.com,,,,,,,,\n' +
  'Two Mile Auto,,,,,,,,,,,3/4/2021\n';

describe('clientbook import', () => {
  test('a Syncro export: one file per row, quoted by YAML where needed, notes as the first dated note; rows without a name reported by line', async () => {
    const cwd = await folder({ 'clients/clientbook.yaml': SETTINGS, 'syncro.csv': SYNCRO });
    const result = await run(['import', 'syncro.csv'], cwd);
    expect(result).toEqual({
      code: 0,
      stdout:
        'skipped line 5: no name\n' +
        'Imported 2 clients from syncro.csv into clients/.\n' +
        '  Each needs a contact (where the sheet had none), a next action and its growth outlook: `npx clientbook validate` lists what is missing.\n',
      stderr: '',
    });
    expect(clientsIn(cwd)).toEqual(['hanks-hardware.md', 'two-mile-auto.md']);
    expect(read(cwd, 'hanks-hardware')).toBe(
      '---\n' +
        `# Imported from syncro.csv, line 2, on ${today()}.\n` +
        '# Every client needs a next action: add one under actions (npx clientbook add).\n\n' +
        "name: Hank's Hardware\ntype: basic\nsince: 2021-03-04\ncontact:\n  name: Hank Hill\n  email: hank@example.com\n  phone: +1 867 555 0100\n" +
        'location: 1 Main St, Whitehorse, YT, Y1A 1A1\ngrowth:\n  outlook: unknown\nactions: []\n---\n\n' +
        `## ${today()} Imported from syncro.csv\nCall before 8\nOwner: Hank\n`,
    );
    expect(frontMatter(read(cwd, 'two-mile-auto'))).toMatchObject({ name: 'Two Mile Auto', since: '2021-03-04', contact: { name: 'CONTACT NAME' } });
    // What was written validates: no errors, only the warnings that ask for what the sheet lacked.
    const validate = await run(['validate', '--format', 'json'], cwd);
    expect(validate.code).toBe(0);
    const codes = (JSON.parse(validate.stdout) as { diagnostics: { file: string; code: string; severity: string }[] }).diagnostics.map((d) => `${d.file} ${d.severity} ${d.code}`);
    expect(codes.filter((c) => c.includes(' error '))).toEqual([]);
    expect(codes).toContain('clients/two-mile-auto.md warning template-placeholder');
  });

  test('an existing client is never written over: reported and skipped; ids stay unique within the import', async () => {
    const mine = client('name: Hank\'s Hardware\nlocation: "My own notes"');
    const cwd = await folder({
      'clients/clientbook.yaml': SETTINGS,
      'clients/north/hanks-hardware.md': mine,
      'a.csv': 'Name,Contact\nHank\'s Hardware,Hank\nAcme,Ann\nACME,Bob\nAcme,Carl\n',
    });
    const result = await run(['import', 'a.csv'], cwd);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      "skipped line 2: Hank's Hardware (clients/north/hanks-hardware.md exists): an existing client is never written over\n" +
        'note: line 4: ACME is acme-2 (acme is an earlier row)\n' +
        'note: line 5: Acme is acme-3 (acme is an earlier row)\n' +
        'Imported 3 clients from a.csv into clients/.\n' +
        '  Each needs a contact (where the sheet had none), a next action and its growth outlook: `npx clientbook validate` lists what is missing.\n',
    );
    expect(readFileSync(path.join(cwd, 'clients/north/hanks-hardware.md'), 'utf8')).toBe(mine);
    expect(clientsIn(cwd)).toEqual(['acme-2.md', 'acme-3.md', 'acme.md']);
    // Importing again writes nothing more and changes nothing.
    const again = await run(['import', 'a.csv'], cwd);
    expect(again.stdout).toContain('Imported 0 clients from a.csv into clients/.\n');
    expect(again.stdout).toMatchInlineSnapshot(`
      "skipped line 2: Hank's Hardware (clients/north/hanks-hardware.md exists): an existing client is never written over
      skipped line 3: Acme (clients/acme.md exists): an existing client is never written over
      skipped line 4: ACME (clients/acme.md exists): an existing client is never written over
      skipped line 5: Acme (clients/acme.md exists): an existing client is never written over
      Imported 0 clients from a.csv into clients/.
      "
    `);
    expect(clientsIn(cwd)).toEqual(['acme-2.md', 'acme-3.md', 'acme.md']);
  });

  test('--dry-run shows the encoding, the mapping and the first files, and writes nothing', async () => {
    const cwd = await folder({ 'clients/clientbook.yaml': SETTINGS, 'syncro.csv': SYNCRO });
    const result = await run(['import', 'syncro.csv', '--dry-run', '--map', 'mobile_phone=ignore', '--type', 'strategic'], cwd);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^syncro\.csv: 4 rows \(utf-8, ","-separated\)\. Columns:\n {2}"business_name" -> name\n {2}"firstname" -> contact-first\n {2}"lastname" -> contact-last\n {2}"email" -> email\n {2}"phone" -> phone\n {2}"mobile_phone" -> not imported\n/,
    );
    expect(result.stdout).toContain('  "created_at" -> since\n\n--- clients/hanks-hardware.md (line 2) ---\n---\n');
    expect(result.stdout).toContain('type: strategic\n');
    expect(result.stdout).not.toContain('+1 867');
    expect(result.stdout).toMatch(/\nskipped line 5: no name\nWould write 2 client files to clients\/\. Nothing was written \(--dry-run\)\.\n$/);
    expect(result.stdout.replaceAll(today(), 'TODAY')).toMatchInlineSnapshot(`
      "syncro.csv: 4 rows (utf-8, ","-separated). Columns:
        "business_name" -> name
        "firstname" -> contact-first
        "lastname" -> contact-last
        "email" -> email
        "phone" -> phone
        "mobile_phone" -> not imported
        "address" -> location
        "city" -> location
        "state" -> location
        "zip" -> location
        "notes" -> notes
        "created_at" -> since

      --- clients/hanks-hardware.md (line 2) ---
      ---
      # Imported from syncro.csv, line 2, on TODAY.
      # Every client needs a next action: add one under actions (npx clientbook add).

      name: Hank's Hardware
      type: strategic
      since: 2021-03-04
      contact:
        name: Hank Hill
        email: hank@example.com
      location: 1 Main St, Whitehorse, YT, Y1A 1A1
      growth:
        outlook: unknown
      actions: []
      ---

      ## TODAY Imported from syncro.csv
      Call before 8
      Owner: Hank

      --- clients/two-mile-auto.md (line 6) ---
      ---
      # Imported from syncro.csv, line 6, on TODAY. Fill in the contact.
      # Every client needs a next action: add one under actions (npx clientbook add).

      name: Two Mile Auto
      type: strategic
      since: 2021-03-04
      contact:
        name: CONTACT NAME
      growth:
        outlook: unknown
      actions: []
      ---

      skipped line 5: no name
      Would write 2 client files to clients/. Nothing was written (--dry-run).
      "
    `);
    expect(clientsIn(cwd)).toEqual([]);
  });

  test('every file is checked before any is written: one bad row, nothing written, each problem at its line', async () => {
    const cwd = await folder({
      'clients/clientbook.yaml': SETTINGS,
      'bad.csv': 'Client Name,Client Type,Customer Since\nAcme,basic,2021-02-30\nBolt,vip,\nCore,Break Fix,2020-05\n',
    });
    const result = await run(['import', 'bad.csv', '--map', 'Client Type=type'], cwd);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      'bad.csv:2: error: `2021-02-30` is not a date clientbook can read as "client since".\n' +
        '  hint: Write 2021-03-04 or 2021-03; or leave the column out with --map "COLUMN=ignore".\n' +
        'bad.csv:3: error: `vip` is not a client type.\n' +
        '  hint: Write basic, strategic, break-fix, or leave it empty for --type (default basic).\n' +
        'error: 2 rows of bad.csv would not make a valid client file, so nothing was written.\n' +
        '  hint: Correct those rows in the spreadsheet (or map the columns otherwise with --map), export it again and import again.\n',
    );
    expect(existsSync(path.join(cwd, 'clients/core.md'))).toBe(false);
  });

  test('encodings as Excel saves them: UTF-8 with a BOM, Windows-1252, UTF-16; semicolons and tabs', async () => {
    const rows = 'Company Name;Primary Contact;City\r\nCafé Müller;Renée Ørsted;Köln\r\n';
    const latin1 = Uint8Array.from([...rows].map((c) => c.charCodeAt(0)));
    const cases: [string, Uint8Array, string][] = [
      ['bom.csv', new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(rows)]), 'utf-8 with BOM'],
      ['excel.csv', latin1, 'windows-1252'],
      ['unicode.txt', new Uint8Array([0xff, 0xfe, ...new Uint8Array(Uint16Array.from([...rows.replaceAll(';', '\t')].map((c) => c.charCodeAt(0))).buffer)]), 'utf-16le'],
    ];
    for (const [name, bytes, encoding] of cases) {
      expect(decodeCsv(bytes)).toEqual({ text: name === 'unicode.txt' ? rows.replaceAll(';', '\t') : rows, encoding });
      const cwd = await folder({ 'clients/clientbook.yaml': SETTINGS, [name]: bytes });
      const result = await run(['import', name], cwd);
      expect(result.code, name).toBe(0);
      expect(frontMatter(read(cwd, 'cafe-muller')), name).toMatchObject({ name: 'Café Müller', contact: { name: 'Renée Ørsted' }, location: 'Köln' });
    }
  });

  test('values YAML would misread are quoted, and read back exactly', async () => {
    const names = ['Acme: Ltd', '#1 IT', '- Dash Co', 'yes', '1234', "O'Brien & Sons", '"Quoted" Inc', '@home', 'null', 'Tab\tCo'];
    const csv = `Name,Phone\n${names.map((n, i) => `"${n.replaceAll('"', '""')}",${i === 0 ? '+15550100' : '0123'}`).join('\n')}\n`;
    const cwd = await folder({ 'clients/clientbook.yaml': SETTINGS, 'q.csv': csv });
    expect((await run(['import', 'q.csv'], cwd)).code).toBe(0);
    const read = clientsIn(cwd).map((f) => frontMatter(readFileSync(path.join(cwd, 'clients', f), 'utf8')));
    expect(read.map((d) => d.name).sort()).toEqual(names.map((n) => n.replace('\t', ' ')).sort());
    expect(read.find((d) => d.name === 'Acme: Ltd')).toMatchObject({ contact: { phone: '+15550100' } });
    expect(read.filter((d) => d.name !== 'Acme: Ltd').every((d) => (d.contact as { phone: unknown }).phone === '0123')).toBe(true);
  });

  test('bad usage and unreadable files: exit 2 or 1 with the line and a hint', async () => {
    const cwd = await folder({ 'a.csv': 'Name,Phone\n"Acme,0123\n', 'n.csv': 'Phone,City\n0123,Paris\n' });
    expect(await run(['import', 'a.csv'], cwd)).toMatchObject({ code: 1, stderr: expect.stringMatching(/^error: a\.csv:2: a field opens a double quote that is never closed\. Nothing was written\.\n {2}hint: A field with a comma/) });
    expect(await run(['import', 'n.csv'], cwd)).toMatchObject({ code: 1, stderr: expect.stringMatching(/^error: No column of n\.csv gives the clients' names\. Nothing was written\.\n {2}hint: Name the column with --map, e\.g\. --map "Phone=name"\. The columns are: "Phone", "City"\.\n$/) });
    expect(await run(['import', 'n.csv', '--map', 'Nope=name'], cwd)).toMatchObject({ code: 2, stderr: 'error: --map Nope=name: the file has no column `Nope`.\n  hint: Its columns are: "Phone", "City".\n' });
    expect(await run(['import', 'n.csv', '--type', 'vip'], cwd)).toMatchObject({ code: 2 });
    expect(await run(['import', 'missing.csv'], cwd)).toMatchObject({ code: 1, stderr: expect.stringMatching(/^error: missing\.csv does not exist\./) });
    // A NUL in a cell (or UTF-16 without its byte-order mark): the line, never "this file is not text" of a file not yet written.
    const nul = await folder({ 'clients/clientbook.yaml': SETTINGS, 'nul.csv': 'Name,Notes\nAcme,"one\ntwo"\nBolt,"a\u0000b"\n', 'u16.csv': Buffer.from('Name\nAcme\n', 'utf16le') });
    expect(await run(['import', 'nul.csv'], nul)).toEqual({
      code: 1,
      stdout: '',
      stderr:
        'error: nul.csv:4: holds a NUL byte, so it is not CSV text. Nothing was written.\n' +
        '  hint: Export the spreadsheet as CSV (in Excel: File › Save as › CSV UTF-8), or delete the NUL from the cell, and import again.\n',
    });
    expect(await run(['import', 'u16.csv'], nul)).toMatchObject({ code: 1, stderr: expect.stringMatching(/^error: u16\.csv:1: holds a NUL byte/) });
    expect(clientsIn(nul)).toEqual([]);
    // A FIFO or a device never ends: refused before it is read, never a hang.
    execFileSync('mkfifo', [path.join(nul, 'pipe.csv')]);
    for (const [arg, shown] of [['pipe.csv', 'pipe.csv'], ['/dev/zero', path.relative(nul, '/dev/zero')]] as const)
      expect(await run(['import', arg], nul)).toEqual({
        code: 1,
        stdout: '',
        stderr: `error: ${shown} is not a file (a pipe, socket or device), so it was not read.\n  hint: Export the spreadsheet as CSV (in Excel: File › Save as › CSV UTF-8) and give its path.\n`,
      });
    // A read-only portfolio folder is refused as `new` refuses it, even for root.
    const readOnly = await folder({ 'clients/clientbook.yaml': SETTINGS, 'a.csv': 'Name\nAcme\n' });
    chmodSync(path.join(readOnly, 'clients'), 0o555);
    expect(await run(['import', 'a.csv'], readOnly)).toMatchObject({ code: 1, stderr: expect.stringMatching(/^error: The folder clients is read-only \(mode 0555\), so clientbook cannot create clients\/acme\.md in it\./) });
    chmodSync(path.join(readOnly, 'clients'), 0o755);
    expect(clientsIn(readOnly)).toEqual([]);
    const file = await folder({ 'a.csv': 'Name\nAcme\n', clients: 'a file, not a folder' });
    expect(await run(['import', 'a.csv'], file)).toMatchObject({ code: 1, stderr: 'error: The portfolio folder clients cannot be made (EEXIST). Nothing was written.\n  hint: Give --dir a folder, new or existing, e.g. --dir clients.\n' });
  });
});

describe('the columns of common exports', () => {
  test('plain English and PSA/RMM headers are guessed', () => {
    const guesses = (headers: string[]) => headers.map((h) => `${h}=${guessField(h) ?? '-'}`);
    // ConnectWise Manage, company list.
    expect(guesses(['Company Name', 'Company ID', 'Phone Number', 'Type', 'Status', 'Address Line 1', 'City', 'State', 'Zip'])).toEqual([
      'Company Name=name', 'Company ID=-', 'Phone Number=phone', 'Type=type', 'Status=-', 'Address Line 1=location', 'City=location', 'State=location', 'Zip=location',
    ]);
    // Autotask, organization and contact import template.
    expect(guesses(['[required] Name', 'Organization: Name', 'Phone', 'Address 1', 'Zip Code', 'Contact: First Name', 'Contact: Last Name', 'Contact: Email Address'])).toEqual([
      '[required] Name=name', 'Organization: Name=name', 'Phone=phone', 'Address 1=location', 'Zip Code=location', 'Contact: First Name=contact-first', 'Contact: Last Name=contact-last', 'Contact: Email Address=email',
    ]);
    // HaloPSA, NinjaOne, Syncro, and a consultant's own sheet.
    expect(guesses(['Client Name', 'Main Site Address Line 1', 'Organization', 'Description', 'business_name', 'created_at', 'Client since', 'E-mail', 'Notes'])).toEqual([
      'Client Name=name', 'Main Site Address Line 1=location', 'Organization=name', 'Description=notes', 'business_name=name', 'created_at=since', 'Client since=since', 'E-mail=email', 'Notes=notes',
    ]);
  });

  test('a second guessed column for a one-column field is left out; two given are bad usage', () => {
    expect(mapColumns(['Company', 'Customer Name'], []).fields).toEqual(['name', undefined]);
    expect(() => mapColumns(['A', 'B'], ['A=name', 'B=name'])).toThrow(/--map gives two columns to name: "A" and "B"\./);
  });

  test('"client since" from the exports\' date forms, month first only where the locale writes it so', () => {
    expect(sinceFrom('2021-03-04T10:00:00Z', 'en-US')).toBe('2021-03-04');
    expect(sinceFrom('2021-03', 'en-US')).toBe('2021-03');
    expect(sinceFrom('3/4/2021', 'en-US')).toBe('2021-03-04');
    expect(sinceFrom('3/4/2021', 'en-GB')).toBe('2021-04-03');
    expect(sinceFrom('13/4/2021', 'en-US')).toBe('2021-04-13');
    expect(sinceFrom('4.3.2021', 'en-US')).toBe('2021-03-04');
    expect(sinceFrom('2/30/2021', 'en-US')).toBeUndefined();
    expect(sinceFrom('last year', 'en-US')).toBeUndefined();
  });
});
