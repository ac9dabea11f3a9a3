/**
 * A dated note in the body, under the heading convention of FORMAT.md (`## 2026-11-03 Monthly meeting`).
 * Notes go where the file's own order puts them: above the newest when the newest come first (as in
 * the sample portfolio), below the oldest-first ones, at the end of the body otherwise. Existing bytes
 * are never changed: the note is inserted between them.
 */
import { compareDates, parseDate, type PlainDate } from '../dates.ts';
import { frontMatterOf, type EditableFile, type EditPlan } from './editable-file.ts';
import { EditError } from './errors.ts';
import { withLineEnding, type LineEnding } from './text.ts';
import { PATTERNS } from '../validate/secrets.ts';

interface Heading {
  /** Offset of the heading line's start in the text. */
  start: number;
  level: number;
  date?: PlainDate;
}

const HEADING = /^(#{1,6})[ \t]+(.*)$/;
const DATED = /^(\d{4}-\d{2}-\d{2})(?:\s|$)/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** The ATX headings of a Markdown body (outside fenced code), with offsets into `text`. */
export function headingsOf(text: string, from: number): Heading[] {
  const out: Heading[] = [];
  let fence: string | undefined;
  let at = from;
  while (at < text.length) {
    const nl = text.indexOf('\n', at);
    const end = nl === -1 ? text.length : nl + 1;
    const line = text.slice(at, end).replace(/\r?\n$/, '');
    const f = FENCE.exec(line)?.[1];
    if (fence) {
      if (f && f[0] === fence[0] && f.length >= fence.length && line.trim() === f) fence = undefined;
    } else if (f) {
      fence = f;
    } else {
      const m = HEADING.exec(line);
      if (m) {
        const dated = m[1]!.length === 2 ? DATED.exec(m[2]!) : null;
        const date = dated ? parseDate(dated[1]!) : undefined;
        out.push({ start: at, level: m[1]!.length, ...(date ? { date } : {}) });
      }
    }
    at = end;
  }
  return out;
}

/** The heading's title: the first sentence of the note's first line, shortened at a word. */
export function noteTitle(note: string): string {
  const first = note.trim().split(/\r?\n/)[0]!.trim();
  const sentence = /^(.+?[.!?])(?:\s|$)/.exec(first)?.[1]?.replace(/[.]$/, '') ?? first;
  const clean = sentence.replace(/^#+\s*/, '').replace(/\s+/g, ' ').trim();
  if (clean === '') return 'Note';
  if (clean.length <= 60) return clean;
  const cut = clean.slice(0, 50);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 20 ? cut.lastIndexOf(' ') : 50).replace(/[\s,;:]+$/, '')}…`;
}

/** Where the note goes: before a heading (its line start) or at the end of the text. */
function placeOf(headings: readonly Heading[], on: PlainDate, textLength: number): number {
  const dated = headings.filter((h) => h.date);
  if (dated.length === 0) return textLength;
  const dates = dated.map((h) => h.date!);
  const newestFirst = dates.every((d, i) => i === 0 || compareDates(dates[i - 1]!, d) >= 0);
  const oldestFirst = dates.every((d, i) => i === 0 || compareDates(dates[i - 1]!, d) <= 0);
  if (newestFirst) {
    const before = dated.find((h) => compareDates(h.date!, on) <= 0);
    if (before) return before.start;
  } else if (oldestFirst) {
    const before = dated.find((h) => compareDates(h.date!, on) > 0);
    if (before) return before.start;
  } else {
    return textLength;
  }
  // After the last dated section: before the next heading of its level or above, or at the end.
  const last = dated[dated.length - 1]!;
  const next = headings.find((h) => h.start > last.start && h.level <= last.level);
  return next ? next.start : textLength;
}

/** A title made from the note, unless that would copy a secret it holds into the heading too. */
function safeTitle(made: string): string {
  return PATTERNS.some(({ pattern }) => pattern.test(made)) ? 'Note' : made;
}

export interface NoteOptions {
  on: PlainDate;
  /** The heading's title; default: the note's first words. */
  title?: string;
}

export function addNote(file: EditableFile, note: string, { on, title }: NoteOptions): EditPlan {
  frontMatterOf(file);
  const content = note.replace(/\s+$/, '').replace(/^(?:[ \t]*\r?\n)+/, '');
  if (content.trim() === '') throw new EditError('The note is empty.', { hint: 'Write what happened, e.g. clientbook note hanks-hardware "Swapped the switch; POS back in 40 minutes."' });
  const heading = `## ${on.toString()} ${(title?.trim() || safeTitle(noteTitle(content))).replace(/\s+/g, ' ')}`;
  const { text, eol } = file;
  const bodyStart = text.length - file.checked.body.length;
  const at = placeOf(headingsOf(text, bodyStart), on, text.length);
  const section = `${heading}${eol}${withLineEnding(content, eol)}${eol}`;
  return {
    splices: [{ start: at, end: at, insert: surround(text, at, bodyStart, section, eol) }],
    changes: [],
    summary: `Note added under "${heading}".`,
  };
}

/** Blank lines around the section, as many as its neighbours need and no more. */
function surround(text: string, at: number, bodyStart: number, section: string, eol: LineEnding): string {
  if (at === text.length) {
    // At the end: finish an unterminated last line, then leave one blank line before the heading.
    if (!text.endsWith('\n')) return eol + eol + section;
    return (/\n[ \t]*\r?\n$/.test(text) ? '' : eol) + section;
  }
  // Before a heading: a blank line after the note, and one before it unless it starts the body or follows one.
  const previousLine = text.slice(text.lastIndexOf('\n', at - 2) + 1, at);
  const before = at > bodyStart && previousLine.trim() !== '' ? eol : '';
  return `${before}${section}${eol}`;
}
