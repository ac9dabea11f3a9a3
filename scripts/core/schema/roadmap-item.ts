import { z } from 'zod';
import { extensible } from './extensible.ts';
import { money, period, text } from './values.ts';

export const ROADMAP_STATUSES = ['proposed', 'agreed', 'deferred', 'done', 'declined'] as const;
export type RoadmapStatus = (typeof ROADMAP_STATUSES)[number];

/** Planned work: what, when, what it costs, and why. */
export const roadmapItemSchema = extensible({
  /** What will be done. */
  title: text('Replace the main server'),
  /** A year, quarter, month or date; it starts on its first day. */
  when: period(),
  /** In the portfolio's currency. */
  cost: money().optional(),
  /** `proposed` (the default), `agreed`, `deferred`, `done` or `declined`. */
  status: z.enum(ROADMAP_STATUSES).default('proposed'),
  /** Why, in the client's terms. */
  why: text('Three new staff next year').optional(),
});
export type RoadmapItem = z.output<typeof roadmapItemSchema>;
