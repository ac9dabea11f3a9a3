import type { ClientData } from '../schema/client.ts';

/** A client that passed validation: the model every report reads. */
export interface Client {
  id: string;
  /** Display path of its file. */
  file: string;
  /** Path relative to the portfolio folder, with forward slashes. */
  relPath: string;
  data: ClientData;
  /** The user's own `x-` fields, in file order. */
  extensions: Record<string, unknown>;
  /** The Markdown after the front matter. */
  body: string;
  bodyLine: number;
}
