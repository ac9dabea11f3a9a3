/** The calendar feed: every due item as an all-day event with a stable UID (scripts/core/model/calendar.ts). */
import type { APIRoute } from 'astro';
import { calendarFeed } from '#core/model/calendar';
import { pageContext } from '../lib/page-context.ts';

export const GET: APIRoute = async () => {
  const { index, settings, asOf } = await pageContext();
  const body = calendarFeed(index.portfolio.clients, {
    asOf,
    name: settings.title,
    within: settings.dueWindow,
    assetNotice: settings.assetNotice,
    ...(index.lastChanged ? { lastChanged: index.lastChanged } : {}),
  });
  return new Response(body, { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
};
