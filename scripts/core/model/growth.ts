import type { Growth } from '../schema/growth.ts';

/** How many years an outlook reaches when `horizon` is not given (FORMAT.md "growth"). */
export const DEFAULT_HORIZON_YEARS = 3;

/**
 * The year the growth outlook reaches: `horizon`, or three years after `asked`; undefined when
 * neither is known. `stated` tells whether the client said it or it is the default.
 */
export function growthHorizon(growth: Growth): { year: number; stated: boolean } | undefined {
  if (growth.horizon !== undefined) return { year: growth.horizon, stated: true };
  if (growth.asked) return { year: growth.asked.year + DEFAULT_HORIZON_YEARS, stated: false };
  return undefined;
}
