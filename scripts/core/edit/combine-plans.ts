/**
 * One edit made of several (`done ... --next "title"`: close an item and add the follow-up), applied
 * and written at once. Each plan is computed on the same original text; where two insert at the same
 * place (a key added to the last action, and a new action after it), the more indented one goes
 * first, so each lands in the mapping or list it was meant for.
 */
import type { EditPlan } from './editable-file.ts';
import type { Splice } from './text.ts';

const depth = (s: Splice) => /^(?:\r?\n)?( *)/.exec(s.insert)![1]!.length;

export function combinePlans(...plans: EditPlan[]): EditPlan {
  const splices = plans
    .flatMap((p) => p.splices)
    .map((s, order) => ({ s, order }))
    .sort((a, b) => a.s.start - b.s.start || a.s.end - b.s.end || (a.s.start === a.s.end && b.s.start === b.s.end ? depth(b.s) - depth(a.s) : 0) || a.order - b.order)
    .map(({ s }) => s);
  return {
    splices,
    changes: plans.flatMap((p) => p.changes),
    summary: plans.map((p) => p.summary).filter(Boolean).join(' '),
  };
}
