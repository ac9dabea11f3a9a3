/**
 * The questions of the roadmap meeting, as data: the meeting sheet prints them with last time's
 * answers, and templates/roadmap-questions.md holds each one for a meeting without the site
 * (tests/model/meeting-questions.test.ts keeps the two together).
 */

export interface QuestionSpec {
  /** Stable id (`outlook`, `headcount-later`), for anchors, answers and tests. */
  id: string;
  text: string;
  /** Lines to write the answer on; default 2. */
  lines?: number;
  /** Boxes to tick. */
  choices?: string[];
}

export interface SectionSpec {
  id: string;
  title: string;
  questions: QuestionSpec[];
}

export const MEETING_QUESTIONS: readonly SectionSpec[] = [
  {
    id: 'business',
    title: 'Where the business is heading',
    questions: [
      { id: 'outlook', text: 'Over the next one to three years, is the business growing, staying about the same, or getting smaller? Or is it too early to say?' },
      { id: 'headcount-now', text: 'How many people work here today, counting yourself? Part-time and seasonal staff too.', lines: 1 },
      { id: 'headcount-later', text: 'How many do you expect in one year? In three years?', lines: 1 },
      { id: 'hiring', text: 'Are you planning to hire this year? Which roles, and roughly when will they start?' },
      { id: 'leaving', text: 'Is anyone leaving or retiring? Who takes over their work and their files?' },
      { id: 'revenue', text: 'What was revenue last year, roughly, and what do you expect this year and next? (A range is fine. So is "I\'d rather not say".)' },
      { id: 'outside', text: 'Is anything changing the business from the outside: funding, contracts, prices, regulations, a big customer, the season?' },
      { id: 'ownership', text: 'Are you thinking about selling, merging, taking on a partner or bringing in the next generation?', lines: 1 },
    ],
  },
  {
    id: 'plans',
    title: 'Changes you are planning',
    questions: [
      { id: 'plans', text: 'Over the next one to three years, are you planning to:', lines: 3, choices: [
        'move, expand or open a second location?',
        'add a new service, product line or season?',
        'change your main business software (accounting, practice management, bookings, point of sale)?',
        'let staff work from home or on the road more often?',
        'take on a contract that comes with security or privacy requirements?',
        'anything else we should know about?',
      ] },
    ],
  },
  {
    id: 'budget',
    title: 'Budget',
    questions: [
      { id: 'spent', text: 'What did you spend on IT last year, roughly (hardware, software, subscriptions, our time)?', lines: 1 },
      { id: 'budget', text: 'What is your budget for IT this year?', lines: 1 },
      { id: 'spread', text: 'Do you prefer spending to be about the same every year, or to buy in larger steps when it is needed?', lines: 1 },
      { id: 'hard-months', text: 'Are there months when spending is hard (before tax season, after the season, before a grant comes in)?', lines: 1 },
      { id: 'quote-above', text: 'Is there an amount above which you want a quote and a week to decide?', lines: 1 },
      { id: 'approval', text: 'Does anyone else need to approve IT spending (a partner, a board, a funder)?', lines: 1 },
    ],
  },
  {
    id: 'it-today',
    title: 'Your IT today',
    questions: [
      { id: 'worries', text: 'What worries you about your IT? What frustrates you most about your computers, phones or internet?', lines: 3 },
      { id: 'slow', text: 'What takes longer than it should?' },
      { id: 'critical', text: 'Which computer, if it died tomorrow, would stop the business? For how long?' },
      { id: 'restore', text: 'When did we last restore something from the backup together?', lines: 1 },
      { id: 'internet', text: 'Is your internet connection good enough? Has it failed this year, and for how long?', lines: 1 },
      { id: 'renewals', text: 'Which subscriptions and licences renew this year? Are the seat counts right?', lines: 1 },
      { id: 'replacements', text: 'These are due for replacement, or their warranty, licence or subscription ends, in the next three years. Still right?', lines: 2 },
      { id: 'leavers', text: 'Has anyone left this year whose accounts are still open?', lines: 1 },
      { id: 'mfa', text: 'Is multi-factor sign-in on for every account, including yours?', lines: 1 },
      { id: 'asked-security', text: 'Has your insurer, bank, regulator or a large customer asked about your security or privacy practices?', lines: 1 },
      { id: 'freeze', text: 'Is there a time of year when nothing must change (tax season, the summer season, year-end)?', lines: 1 },
      // Seed 003: the competition often comes from a vendor the client already buys from.
      { id: 'vendors', text: 'Has a vendor (phones, copiers, software, internet) offered to look after part of your IT?', lines: 1 },
    ],
  },
  {
    id: 'working-together',
    title: 'How we work together',
    questions: [
      { id: 'contact', text: 'Who is our single point of contact: the one person whose instructions count? Who stands in when they are away?', lines: 1 },
      { id: 'involvement', text: 'How much do you want to know? Do you want the details and the documents, a short summary, or "just fix it and send me the bill"?', lines: 1 },
      { id: 'meetings', text: 'Is our regular meeting at the right rhythm: weekly, monthly, quarterly or once a year?', lines: 1 },
      { id: 'more-less', text: 'What should we do more of, or less of?' },
    ],
  },
  {
    id: 'roadmap',
    title: "Last year's roadmap",
    questions: [
      { id: 'roadmap-review', text: 'Go through the roadmap item by item: done, still agreed, moved to another quarter, or no longer wanted. Note why.', lines: 0 },
    ],
  },
  {
    id: 'before-we-leave',
    title: 'Before we leave',
    questions: [
      { id: 'next-action', text: 'The next action, with a date:', lines: 1 },
      { id: 'next-meeting', text: 'The next meeting:', lines: 1 },
    ],
  },
];
