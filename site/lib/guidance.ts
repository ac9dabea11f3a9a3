/**
 * What a client's type and involvement mean for how to work with them (seeds 002 and 004): the
 * words on the client page that turn a field into a way of working.
 */
import type { ClientType, Involvement } from '#core/schema/client';

export interface Guidance {
  /** One line: what the client is like. */
  summary: string;
  /** What to do about it. */
  advice: string[];
}

export const INVOLVEMENT_GUIDANCE: Record<Involvement | 'unknown', Guidance> = {
  'hands-on': {
    summary: 'Wants to take an active part: listens to every word, reads your documents twice and comes to each meeting with questions.',
    advice: [
      'Send the details and the documents before the meeting, not at it.',
      'Leave time for their questions, and explain why as well as what.',
      'Agree who decides what: an engaged client can still slow a project down.',
    ],
  },
  'hands-off': {
    summary: '"Just send me the bill": does not want the details, whether too busy or overwhelmed by them.',
    advice: [
      'Tread carefully: confirm every purchase above an agreed amount in writing, however small the detail.',
      'Keep reports to one line per decision, and make the decisions easy to say yes or no to.',
      'Ask yourself now and then whether the relationship still works for both of you.',
    ],
  },
  'just-right': {
    summary: 'Wants to know what is going on and learn to a degree, and leaves the expert work to you.',
    advice: [
      'Say plainly what you expect from them besides a prompt payment: decisions, access, a contact who answers.',
      'A short summary with the decision points works best; offer the details on request.',
    ],
  },
  unknown: {
    summary: 'Not recorded yet.',
    advice: [
      'Ask at the next meeting how much they want to know: the details and the documents, a short summary, or "just fix it and send me the bill". Then record it in the file as involvement: hands-on, hands-off or just-right.',
    ],
  },
};

export const TYPE_GUIDANCE: Record<ClientType, Guidance> = {
  basic: {
    summary: 'IT basic: wants the basics kept running.',
    advice: [
      'Plan a future that looks much like today, and spread the costs evenly over the years.',
      'Do not press them to buy today, but make sure they know what cannot be put off forever.',
    ],
  },
  strategic: {
    summary: 'IT strategic: uses IT to run the business better.',
    advice: [
      'Ask every year where the business is heading, and plan purchases ahead on the roadmap.',
      'Bring an idea to each meeting: they expect you to know where technology is going.',
    ],
  },
  'break-fix': {
    summary: '"I don\'t know, but can you fix it?": calls when something breaks.',
    advice: [
      'Every call is a chance to plant a seed: a backup, a maintenance plan, the next action.',
      'Be patient: one rescue done well can turn a penny-pincher into a client who plans ahead.',
    ],
  },
};
