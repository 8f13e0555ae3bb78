// The spaced-review scheduler: ts-fsrs (npm, pinned in package.json, served by the site as
// assets/vendor/ts-fsrs.mjs by hooks/vendor_assets.py). Loaded only when the reader grades a question or an
// old progress file needs scheduling, so a question page does not download it just to be read.
import { Rating, State, createEmptyCard, fsrs } from "./vendor/ts-fsrs.mjs";

// Due dates in whole days (no minute-long learning steps: this is a daily review queue), and no random fuzz,
// so a due date can be checked against the library itself.
export const PARAMETERS = { enable_fuzz: false, enable_short_term: false };
const scheduler = fsrs(PARAMETERS);
// "再复习 / Review again" is Again: back tomorrow. "我会了 / Got it" is Good: out by days, then weeks.
export const RATINGS = { mastered: Rating.Good, review: Rating.Again };

const FIELDS = ["stability", "difficulty", "elapsed_days", "scheduled_days", "learning_steps", "reps", "lapses", "state"];

function fromStored(stored) {
  return {
    ...Object.fromEntries(FIELDS.map((name) => [name, stored[name]])),
    due: new Date(stored.due),
    last_review: stored.last_review ? new Date(stored.last_review) : undefined,
  };
}

function toStored(card) {
  return {
    due: card.due.toISOString(),
    ...Object.fromEntries(FIELDS.map((name) => [name, card[name]])),
    last_review: card.last_review ? new Date(card.last_review).toISOString() : null,
  };
}

// The card after grading `state` ("mastered" or "review") at `now`, from a stored card (or a new one).
export function gradeCard(stored, state, now) {
  const card = stored ? fromStored(stored) : createEmptyCard(now);
  return toStored(scheduler.next(card, now, RATINGS[state]).card);
}

export { State };
