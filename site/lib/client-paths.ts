/** The pages built once per client (client page, printable roadmap, meeting sheet) share their routes. */
import type { Client } from '#core/model/client';
import { pageContext } from './page-context.ts';
import { clientSlug } from './paths.ts';

export interface ClientPageProps {
  client: Client;
}

/** `getStaticPaths` of a per-client page: one page for each client of the portfolio, by id. */
export async function clientPaths(): Promise<{ params: { id: string }; props: ClientPageProps }[]> {
  const { index } = await pageContext();
  return index.portfolio.clients.map((client) => ({ params: { id: clientSlug(client.id) }, props: { client } }));
}

/**
 * `getStaticPaths` of the meeting sheet: a former client has no meetings to prepare, so it gets no
 * sheet (its page and printable roadmap stay, for history).
 */
export async function meetingSheetPaths(): Promise<{ params: { id: string }; props: ClientPageProps }[]> {
  return (await clientPaths()).filter(({ props }) => hasMeetingSheet(props.client));
}

export const hasMeetingSheet = (client: Client): boolean => client.data.status !== 'former';
