/** The meeting sheet's questions are data; templates/roadmap-questions.md, for meetings on paper, holds each one. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MEETING_QUESTIONS } from '#core/model/meeting-questions';

/** The template's text as a reader sees it: no Markdown emphasis, list marks or line breaks. */
const template = readFileSync(new URL('../../../templates/roadmap-questions.md', import.meta.url), 'utf8')
  .replace(/\*\*/g, '')
  .replace(/^\s*(?:\d+\.|-\s*\[ \]|-)\s+/gm, '')
  .replace(/\s+/g, ' ');

const normal = (text: string) => text.replace(/\s+/g, ' ');

describe('the meeting questions', () => {
  const questions = MEETING_QUESTIONS.flatMap((s) => s.questions);

  it('have unique ids', () => {
    expect(new Set(questions.map((q) => q.id)).size).toBe(questions.length);
  });

  it.each(questions.map((q) => [q.id, q] as const))('%s is in templates/roadmap-questions.md', (_id, q) => {
    expect(template).toContain(normal(q.text));
    for (const choice of q.choices ?? []) expect(template).toContain(normal(choice));
  });

  it.each(MEETING_QUESTIONS.map((s) => [s.id, s.title] as const))('the section %s is a heading of the template', (_id, title) => {
    expect(template).toContain(title);
  });
});
