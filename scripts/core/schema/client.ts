/** The client file's front matter: the one source of truth for FORMAT.md "Fields". */
import { z } from 'zod';
import { actionSchema } from './action.ts';
import { assetSchema } from './asset.ts';
import { growthSchema } from './growth.ts';
import { meetingsSchema } from './meetings.ts';
import { personSchema } from './person.ts';
import { roadmapItemSchema } from './roadmap-item.ts';
import { clientId, dateOrMonth, text, whole } from './values.ts';

export const CLIENT_TYPES = ['basic', 'strategic', 'break-fix'] as const;
export type ClientType = (typeof CLIENT_TYPES)[number];
export const STATUSES = ['active', 'prospect', 'former'] as const;
export type ClientStatus = (typeof STATUSES)[number];
export const INVOLVEMENTS = ['hands-on', 'hands-off', 'just-right'] as const;
export type Involvement = (typeof INVOLVEMENTS)[number];

export const clientSchema = z.object({
    /** The client's display name. */
    name: text("Hank's Hardware"),
    /** `basic` (keep the basics running), `strategic` (use IT strategically) or `break-fix` ("can you fix it?"). */
    type: z.enum(CLIENT_TYPES),
    /** `active` (default), `prospect` or `former`; former clients are left out of reports. */
    status: z.enum(STATUSES).default('active'),
    /** How much the client wants to know and decide. */
    involvement: z.enum(INVOLVEMENTS).optional(),
    /** Client since: a date or a month. */
    since: dateOrMonth().optional(),
    /** The single point of contact: the one person whose instructions count. Required unless former. */
    contact: personSchema.optional(),
    /** Others at the client; never points of contact. */
    people: z.array(personSchema).optional(),
    /** Headcount today. */
    employees: whole(0).optional(),
    /** Where they are. */
    location: text('Whitehorse, YT').optional(),
    /** How to get there and how long it takes ("6 h drive"). */
    travel: text('15 min drive').optional(),
    /** The id of the client who referred this one. */
    referred_by: clientId().optional(),
    /** Where the business is heading; required. */
    growth: growthSchema,
    /** The regular meeting rhythm. */
    meetings: meetingsSchema.optional(),
    /** Next actions; required, may be empty. */
    actions: z.array(actionSchema),
    /** Hardware, software, licences and subscriptions with a life cycle; names unique within the client. */
    assets: z.array(assetSchema).optional(),
    /** What is planned, when, and what it costs. */
    roadmap: z.array(roadmapItemSchema).optional(),
  });

export type ClientData = z.output<typeof clientSchema>;
