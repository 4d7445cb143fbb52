import { DisputeCategory as C, ResolutionEffect, ResolutionOutcome as O, TicketType as T } from '../tickets/enums';

/** Who acts, by demo account. */
export type Who = 'parent' | 'parent2' | 'learner' | 'tutor' | 'tutor2' | 'coordinator' | 'admin';

/**
 * Which sessions a ticket is about: the learner's latest completed ones before the report that
 * no other ticket has, billed as asked, whose attendance records say what the story says.
 * TUTOR_ABSENT: the tutor never joined; LEARNER_ABSENT: the learner never did; SHORT: the tutor
 * came late or left early; PRESENT: both were there.
 */
export interface SessionPick {
  learner: string;
  billing: 'DRAFT' | 'ISSUED' | 'PAID' | 'PACKAGE';
  attendance?: 'TUTOR_ABSENT' | 'LEARNER_ABSENT' | 'SHORT' | 'PRESENT';
  group?: boolean;
}

/** One step after the report, `day` days ago (autoClose: when the window the product gives ends). */
export type Step = { day: number; by: Who } & (
  | { resolve: { action?: string; outcome?: O; creditAmountMinor?: number; comment: string } }
  | { accept: string | null }
  | { escalate: string }
  | { assign: Who | null }
  | { comment: string; internal?: boolean }
) | { autoClose: true };

export interface Story {
  /** Reported this many days ago. */
  day: number;
  by: Who;
  type: T;
  category: C;
  title: string;
  description: string;
  sessions?: SessionPick;
  requestedEffect?: ResolutionEffect;
  then?: Step[];
}

const mia = (billing: SessionPick['billing'], attendance: SessionPick['attendance'] = 'PRESENT', group = false): SessionPick => ({ learner: 'mia@demo.test', billing, attendance, group });
const noah = (billing: SessionPick['billing'], attendance: SessionPick['attendance'] = 'PRESENT'): SessionPick => ({ learner: 'noah@demo.test', billing, attendance });
const ola = (billing: SessionPick['billing'], attendance: SessionPick['attendance'] = 'PRESENT'): SessionPick => ({ learner: 'ola@demo.test', billing, attendance });
const lena = (billing: SessionPick['billing'], attendance: SessionPick['attendance'] = 'PRESENT', group = false): SessionPick => ({ learner: 'learner@demo.test', billing, attendance, group });

const HALF = 'Partial credit for the missing time (50%)';
const MEDIATE = 'Mediate with the educator';
const RESCHEDULE = 'Reschedule the session';
const EXPLAIN = 'Billing was correct: explain the charge';

/**
 * About forty tickets over the last eight weeks, in every status and type. Open ones are recent
 * enough that the product's own timers have not moved them on, with room to spare (tests sweep
 * the timers 71 hours ahead): ONGOING ones were reported under four days ago (7 days to resolve),
 * RESOLVED ones resolved in the last half hour (72 hours to answer). Older tickets were answered,
 * closed by the window, or decided.
 */
export const DEMO_STORIES: Story[] = [
  { day: 50, by: 'parent', type: T.DISPUTE, category: C.BILLING, sessions: mia('PAID'), title: 'Charged twice for the same lesson', description: 'The reading lesson appears twice on the paid invoice.',
    then: [{ day: 49, by: 'coordinator', resolve: { outcome: O.IN_FAVOR_OF_PARENT, comment: 'Our mistake: the lesson is credited in full.' } }, { day: 48, by: 'parent', accept: 'Thank you for the quick fix.' }] },
  { day: 48, by: 'parent2', type: T.DISPUTE, category: C.DURATION, sessions: ola('PAID', 'SHORT'), title: 'Lesson started late', description: 'Ola waited for the tutor before the lesson began.',
    then: [{ day: 47, by: 'tutor', resolve: { action: 'Reschedule the missing time', comment: 'Sorry for the delay; we add the missing minutes to the next lesson.' } }, { autoClose: true }] },
  { day: 46, by: 'learner', type: T.DISPUTE, category: C.QUALITY, sessions: lena('PAID'), title: 'The lesson felt rushed', description: 'We went through three chapters in one hour.',
    then: [{ day: 45, by: 'tutor2', resolve: { action: MEDIATE, comment: 'I will slow down and recap at the start of the next lesson.' } }, { day: 44, by: 'learner', accept: null }] },
  { day: 43, by: 'parent', type: T.DISPUTE, category: C.NO_SHOW, sessions: noah('PACKAGE', 'TUTOR_ABSENT'), title: 'Tutor missed the package lesson', description: 'Noah was online; the tutor never came.',
    then: [
      { day: 42, by: 'coordinator', resolve: { outcome: O.SPLIT, comment: 'Both sides reported connection trouble.' } },
      { day: 41, by: 'parent', escalate: 'Our connection was fine, and the tutor never joined.' },
      { day: 40, by: 'admin', resolve: { outcome: O.IN_FAVOR_OF_PARENT, comment: 'The attendance shows no tutor join: the package credit is restored.' } },
    ] },
  { day: 42, by: 'learner', type: T.SUPPORT, category: C.BILLING, title: 'Where do I find my invoices?', description: 'I need last month\'s invoice for my employer.',
    then: [{ day: 41.8, by: 'coordinator', resolve: { action: EXPLAIN, comment: 'Invoices are under "Invoices" in the menu; each one can be printed.' } }, { day: 41, by: 'learner', accept: 'Found it, thanks.' }] },
  { day: 40, by: 'parent2', type: T.FEEDBACK, category: C.QUALITY, title: 'Ola loves the grammar lessons', description: 'Just wanted to say thank you to Tomas.',
    then: [{ day: 39.5, by: 'coordinator', resolve: { outcome: O.IN_FAVOR_OF_EDUCATOR, comment: 'Thank you! We passed it on to Tomas.' } }, { autoClose: true }] },
  { day: 38, by: 'parent', type: T.DISPUTE, category: C.DURATION, sessions: mia('ISSUED', 'SHORT'), title: 'Lesson ended early', description: 'The call ended before the hour was over.',
    then: [{ day: 37, by: 'tutor', resolve: { action: HALF, comment: 'My laptop died; half the lesson is credited.' } }, { day: 36, by: 'parent', accept: null }] },
  { day: 36, by: 'coordinator', type: T.RISK, category: C.QUALITY, sessions: lena('ISSUED'), title: 'Tutor shared a private phone number', description: 'The learner mentioned the tutor asked to continue on WhatsApp.',
    then: [
      { day: 35.9, by: 'coordinator', comment: 'Called Tessa; she did not know the policy.', internal: true },
      { day: 35.5, by: 'coordinator', resolve: { outcome: O.IN_FAVOR_OF_EDUCATOR, comment: 'Policy explained to the tutor; no further action.' } },
      { autoClose: true },
    ] },
  { day: 34, by: 'parent2', type: T.DISPUTE, category: C.BILLING, sessions: ola('ISSUED'), title: 'Invoice shows the wrong price', description: 'We were told grammar lessons cost less.',
    then: [{ day: 33, by: 'coordinator', resolve: { action: EXPLAIN, comment: 'The price changed in September; the letter is attached to your account.' } }, { day: 32, by: 'parent2', accept: 'Understood.' }] },
  { day: 32, by: 'learner', type: T.DISPUTE, category: C.SCHEDULING, sessions: lena('ISSUED'), title: 'Lesson moved without asking', description: 'The lesson was an hour later than booked.',
    then: [{ day: 31, by: 'tutor2', resolve: { action: RESCHEDULE, comment: 'Sorry; the next lessons stay at the booked time.' } }, { autoClose: true }] },
  { day: 30, by: 'parent', type: T.DISPUTE, category: C.QUALITY, sessions: mia('ISSUED'), title: 'Homework was not corrected', description: 'Mia\'s homework came back without corrections twice.',
    then: [
      { day: 29, by: 'tutor', resolve: { action: MEDIATE, comment: 'I corrected it orally in the lesson; I will write it down from now on.' } },
      { day: 28, by: 'parent', escalate: 'We paid for written feedback.' },
      { day: 27, by: 'admin', resolve: { outcome: O.IN_FAVOR_OF_EDUCATOR, comment: 'The recordings show the corrections in the lesson; the tutor will also write them down.' } },
    ] },
  { day: 27, by: 'parent', type: T.DISPUTE, category: C.DURATION, sessions: noah('ISSUED', 'SHORT'), title: 'Conversation lesson cut short', description: 'Noah says the tutor left early.',
    then: [{ day: 26, by: 'tutor2', resolve: { action: HALF, comment: 'Correct, I had to leave; half is credited.' } }, { autoClose: true }] },
  { day: 25, by: 'learner', type: T.DISPUTE, category: C.QUALITY, sessions: lena('ISSUED', 'PRESENT', true), title: 'Debate club: everyone talked at once', description: 'I could hardly say anything in the group.',
    then: [{ day: 24, by: 'tutor', resolve: { action: MEDIATE, comment: 'I will use a speaking order from now on.' } }, { day: 23, by: 'learner', accept: 'Good idea.' }] },
  { day: 24, by: 'parent', type: T.FEEDBACK, category: C.SCHEDULING, title: 'Thanks for the flexible rescheduling', description: 'Moving lessons around the holidays was easy.',
    then: [{ day: 23.5, by: 'coordinator', resolve: { outcome: O.IN_FAVOR_OF_EDUCATOR, comment: 'Glad it helped!' } }, { autoClose: true }] },
  { day: 21, by: 'parent2', type: T.DISPUTE, category: C.NO_SHOW, sessions: ola('ISSUED', 'TUTOR_ABSENT'), title: 'Tomas did not come', description: 'Ola waited twenty minutes and left.',
    then: [{ day: 20.5, by: 'tutor', resolve: { action: 'Void the session and restore the package credit', comment: 'I mixed up the time. The lesson is credited in full; sorry!' } }, { day: 20, by: 'parent2', accept: null }] },
  { day: 19, by: 'parent2', type: T.DISPUTE, category: C.BILLING, sessions: ola('ISSUED'), title: 'A lesson billed to the wrong family', description: 'This line is not one of Ola\'s lessons.',
    then: [{ day: 18, by: 'coordinator', resolve: { outcome: O.IN_FAVOR_OF_PARENT, comment: 'Credited in full.' } }, { day: 17, by: 'parent2', accept: null }] },
  { day: 17, by: 'learner', type: T.DISPUTE, category: C.DURATION, sessions: lena('ISSUED', 'SHORT'), title: 'Business French lesson started late', description: 'The tutor joined late and we ran out of time.', requestedEffect: ResolutionEffect.FULL_CREDIT,
    then: [
      { day: 16, by: 'tutor2', resolve: { action: HALF, comment: 'Half the lesson is credited.' } },
      { day: 15, by: 'learner', escalate: 'Half is not enough: the lesson was useless without the exercises.' },
      { day: 14, by: 'admin', resolve: { outcome: O.IN_FAVOR_OF_PARENT, comment: 'Credited in full: the missing part was the core of the lesson.' } },
    ] },
  { day: 15, by: 'parent', type: T.DISPUTE, category: C.SCHEDULING, sessions: mia('ISSUED'), title: 'Lesson at the wrong hour', description: 'The calendar invite showed another time.',
    then: [{ day: 14.8, by: 'tutor', resolve: { action: RESCHEDULE, comment: 'Let us find a better slot.' } }, { day: 14, by: 'parent', accept: null }] },
  { day: 13, by: 'coordinator', type: T.RISK, category: C.DURATION, sessions: mia('ISSUED'), title: 'Tutor late three times this month', description: 'Pattern spotted in the attendance records.',
    then: [{ day: 12, by: 'coordinator', resolve: { outcome: O.IN_FAVOR_OF_EDUCATOR, comment: 'Talked to Tomas; we check again next month.' } }, { autoClose: true }] },
  { day: 12, by: 'parent', type: T.DISPUTE, category: C.QUALITY, sessions: noah('DRAFT'), title: 'Noah did not understand the tutor', description: 'The tutor spoke too fast for a beginner.',
    then: [{ day: 11, by: 'coordinator', resolve: { action: 'Reassign the educator and credit the session', comment: 'A beginner-friendly colleague takes over; the lesson is credited.' } }, { day: 11, by: 'parent', accept: 'Thanks.' }] },
  { day: 10, by: 'learner', type: T.SUPPORT, category: C.SCHEDULING, title: 'Can I switch to evening lessons?', description: 'My working hours change next month.',
    then: [{ day: 9.5, by: 'coordinator', resolve: { action: RESCHEDULE, comment: 'Tessa has evening slots; she will contact you.' } }, { day: 9, by: 'learner', accept: null }] },
  { day: 8.5, by: 'parent2', type: T.FEEDBACK, category: C.QUALITY, title: 'More speaking practice, please', description: 'Ola would like to speak more in the lessons.',
    then: [{ day: 8, by: 'coordinator', resolve: { outcome: O.IN_FAVOR_OF_EDUCATOR, comment: 'Passed on to Tomas.' } }, { autoClose: true }] },
  { day: 8, by: 'learner', type: T.DISPUTE, category: C.NO_SHOW, sessions: lena('DRAFT', 'LEARNER_ABSENT'), title: 'Tessa never showed up', description: 'I waited in the meeting room and nobody came.',
    then: [
      { day: 7.5, by: 'tutor2', resolve: { action: 'Learner did not show: no credit', comment: 'I was in the lesson room for the whole hour; the records show I joined on time.' } },
      { day: 6, by: 'learner', escalate: 'The link I got did not work; I was there.' },
    ] },
  { day: 3.5, by: 'parent', type: T.DISPUTE, category: C.SCHEDULING, sessions: noah('DRAFT'), title: 'Please move Noah\'s Thursday lessons', description: 'Noah has football on Thursdays now.',
    then: [{ day: 0.02, by: 'tutor2', resolve: { action: RESCHEDULE, comment: 'Moved to Fridays from next week.' } }] },
  { day: 3.8, by: 'coordinator', type: T.RISK, category: C.QUALITY, sessions: ola('DRAFT'), title: 'Parent reported an unkind remark', description: 'During a call, the parent said the tutor was dismissive of Ola.',
    then: [{ day: 3.7, by: 'coordinator', assign: 'coordinator' }, { day: 3.6, by: 'coordinator', comment: 'Asked Tomas for his side.', internal: true }] },
  { day: 3, by: 'parent', type: T.DISPUTE, category: C.DURATION, sessions: mia('DRAFT', 'SHORT'), title: 'Tutor joined late', description: 'Mia waited before the lesson started.',
    then: [{ day: 0.018, by: 'tutor', resolve: { action: HALF, comment: 'Sorry, half the lesson is credited.' } }] },
  { day: 4, by: 'parent2', type: T.DISPUTE, category: C.QUALITY, sessions: ola('DRAFT'), title: 'Grammar lesson was off-topic', description: 'The lesson was about a film, not the exam topics.',
    then: [{ day: 3.9, by: 'coordinator', assign: 'coordinator' }, { day: 0.016, by: 'coordinator', resolve: { outcome: O.SPLIT, comment: 'The film exercise was planned, but the exam topics were due: half is credited.' } }] },
  { day: 3.7, by: 'parent', type: T.DISPUTE, category: C.QUALITY, sessions: noah('DRAFT'), title: 'No materials after the lesson', description: 'We were promised the slides.',
    then: [{ day: 3.5, by: 'tutor2', comment: 'We covered the planned topics; I will send the slides tonight.' }, { day: 3, by: 'parent', comment: 'Still nothing arrived.' }] },
  { day: 3, by: 'learner', type: T.DISPUTE, category: C.BILLING, sessions: lena('DRAFT'), title: 'Lesson billed at the old price', description: 'The new price list says 40 EUR.',
    then: [{ day: 0.014, by: 'coordinator', resolve: { outcome: O.IN_FAVOR_OF_PARENT, comment: 'You are right; the draft line is removed and rebilled at the new price.' } }] },
  { day: 3, by: 'parent2', type: T.SUPPORT, category: C.BILLING, title: 'When is the invoice due?', description: 'The invoice has no due date.',
    then: [{ day: 0.012, by: 'coordinator', resolve: { action: EXPLAIN, comment: 'Invoices are due 14 days after they are issued.' } }] },
  { day: 2.2, by: 'parent', type: T.DISPUTE, category: C.QUALITY, sessions: mia('DRAFT', 'PRESENT', true), title: 'Debate club too advanced for Mia', description: 'The topics are for older learners.' },
  { day: 2, by: 'parent', type: T.DISPUTE, category: C.NO_SHOW, sessions: mia('DRAFT', 'TUTOR_ABSENT'), title: 'Tutor did not join the lesson', description: 'Mia waited 20 minutes and nobody came.', requestedEffect: ResolutionEffect.FULL_CREDIT,
    then: [{ day: 1.9, by: 'coordinator', assign: 'coordinator' }, { day: 1.8, by: 'coordinator', comment: 'The attendance shows no tutor join; calling Tomas.', internal: true }] },
  { day: 2, by: 'learner', type: T.DISPUTE, category: C.QUALITY, sessions: lena('DRAFT', 'PRESENT', true), title: 'Debate topic was not announced', description: 'Nobody could prepare.',
    then: [{ day: 0.01, by: 'tutor', resolve: { action: MEDIATE, comment: 'Topics go out a week ahead from now on.' } }] },
  { day: 2, by: 'parent', type: T.FEEDBACK, category: C.QUALITY, title: 'Mia enjoys reading now', description: 'She reads every evening. Thank you!',
    then: [{ day: 0.008, by: 'coordinator', resolve: { outcome: O.IN_FAVOR_OF_EDUCATOR, comment: 'Wonderful to hear; passed on to Tomas.' } }] },
  { day: 1.5, by: 'parent', type: T.DISPUTE, category: C.BILLING, sessions: mia('DRAFT'), title: 'Lesson billed although we cancelled', description: 'We cancelled two days ahead.',
    then: [{ day: 1.4, by: 'coordinator', assign: 'admin' }] },
  { day: 1, by: 'parent2', type: T.DISPUTE, category: C.DURATION, sessions: ola('DRAFT', 'SHORT'), title: 'Lesson ended early', description: 'The tutor left before the end.', requestedEffect: ResolutionEffect.PARTIAL_CREDIT },
  { day: 3.9, by: 'parent2', type: T.FEEDBACK, category: C.SCHEDULING, title: 'Could lessons start at 17:00?', description: 'School ends later this term.' },
  { day: 0.8, by: 'learner', type: T.DISPUTE, category: C.SCHEDULING, sessions: lena('DRAFT'), title: 'Two lessons booked on the same day', description: 'Can one of them move?' },
  { day: 0.3, by: 'learner', type: T.SUPPORT, category: C.SCHEDULING, title: 'How do I change my password?', description: 'I cannot find it in the settings.' },
  { day: 0.1, by: 'parent2', type: T.DISPUTE, category: C.QUALITY, sessions: ola('DRAFT'), title: 'The tutor was distracted', description: 'Ola says the tutor kept typing during the lesson.' },
];
