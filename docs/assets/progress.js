// The reader's progress, kept in this browser's localStorage: marks ("got it" / "review again") and, since
// format version 2, each marked question's review schedule (a ts-fsrs card: when it is due next).
// Shared by study.js, practice.js and glance.js; nothing here touches the DOM.

const KEY = "qbank.progress.v1"; // the name of the store; the format version is inside it
const FORMAT = "llm-app-interview-guide/progress";
const VERSION = 2;
const STATES = new Set(["mastered", "review"]);
const ID = /^[a-z0-9]+(?:-[a-z0-9]+){0,20}$/;
const MAX_MARKS = 10000;
const CARD_NUMBERS = ["stability", "difficulty", "elapsed_days", "scheduled_days"];
const CARD_COUNTS = ["learning_steps", "reps", "lapses", "state"];
const CARD_KEYS = ["due", ...CARD_NUMBERS, ...CARD_COUNTS, "last_review", "prior"];

const empty = () => ({ format: FORMAT, version: VERSION, marks: {}, cards: {} });
const isObject = (value) => Boolean(value) && typeof value === "object" && !Array.isArray(value);
const hasKeys = (value, keys) => isObject(value) && Object.keys(value).length === keys.length
  && Object.keys(value).every((key) => keys.includes(key));
const isDate = (value) => typeof value === "string" && value.length <= 40 && !Number.isNaN(Date.parse(value));

const validMark = (mark) => hasKeys(mark, ["state", "at"]) && STATES.has(mark.state) && isDate(mark.at);

// A stored ts-fsrs card. `prior` is what a grade replaced (the card and the mark before it, either null), so a
// grade given today can be changed or taken back; a prior holds no prior of its own.
function validCard(card, nested = false) {
  if (!hasKeys(card, nested ? CARD_KEYS.slice(0, -1) : CARD_KEYS)) return false;
  if (!isDate(card.due) || !(card.last_review === null || isDate(card.last_review))) return false;
  if (!CARD_NUMBERS.every((name) => Number.isFinite(card[name]) && card[name] >= 0 && card[name] < 1e6)) return false;
  if (!CARD_COUNTS.every((name) => Number.isInteger(card[name]) && card[name] >= 0 && card[name] < 1e6)) return false;
  if (card.state > 3) return false;
  if (nested) return true;
  const prior = card.prior;
  return prior === null || (hasKeys(prior, ["card", "mark"])
    && (prior.card === null || validCard(prior.card, true)) && (prior.mark === null || validMark(prior.mark)));
}

const validIds = (object) => {
  const entries = Object.entries(object);
  return entries.length <= MAX_MARKS && entries.every(([id]) => ID.test(id) && id.length <= 120);
};

// A progress object is accepted only in exactly one of these shapes; anything else is rejected whole.
// Version 1 (before schedules): {format, version: 1, marks}. Version 2: {format, version: 2, marks, cards}.
export function validProgress(data) {
  if (!isObject(data) || data.format !== FORMAT) return false;
  if (data.version === 1) {
    return hasKeys(data, ["format", "version", "marks"]) && isObject(data.marks) && validIds(data.marks)
      && Object.values(data.marks).every(validMark);
  }
  return data.version === VERSION && hasKeys(data, ["format", "version", "marks", "cards"])
    && isObject(data.marks) && validIds(data.marks) && Object.values(data.marks).every(validMark)
    && isObject(data.cards) && validIds(data.cards) && Object.values(data.cards).every((card) => validCard(card));
}

// Always the current shape; a version-1 store reads as marks without schedules (see ensureScheduled).
export function loadProgress() {
  try {
    const data = JSON.parse(localStorage.getItem(KEY));
    if (!validProgress(data)) return empty();
    return data.version === 1 ? { ...empty(), marks: data.marks } : data;
  } catch {
    return empty();
  }
}

function saveProgress(data) {
  try {
    localStorage.setItem(KEY, JSON.stringify(data));
  } catch {
    // storage full or disabled: progress simply does not persist
  }
}

export function markOf(id) {
  return loadProgress().marks[id]?.state ?? null;
}

const sameDay = (a, b) => a.toDateString() === b.toDateString();
const withoutPrior = ({ prior, ...card }) => card;

// Grade a question: the mark becomes a review grade and ts-fsrs schedules the question's next review.
// A grade given today replaces today's earlier grade; pressing today's mark again takes it back (the card and
// mark before it return). Returns the question's mark afterwards (or null).
export async function toggleMark(id, state, now = new Date()) {
  const { gradeCard } = await import("./schedule.js");
  const data = loadProgress();
  const mark = data.marks[id] ?? null;
  const card = data.cards[id];
  const today = Boolean(mark && card?.prior && card.last_review && sameDay(new Date(card.last_review), now));
  const before = today ? card.prior : { card: card ? withoutPrior(card) : null, mark };
  if (today && mark.state === state) {
    if (before.card) data.cards[id] = { ...before.card, prior: null };
    else delete data.cards[id];
    if (before.mark) data.marks[id] = before.mark;
    else delete data.marks[id];
  } else {
    data.cards[id] = { ...gradeCard(before.card, state, now), prior: before };
    data.marks[id] = { state, at: now.toISOString() };
  }
  saveProgress(data);
  return data.marks[id]?.state ?? null;
}

// When a question is due next (a Date), or null if it has no schedule.
export function dueDate(id, data = loadProgress()) {
  const card = data.cards[id];
  return card ? new Date(card.due) : null;
}

// An exercise whose tests all pass is graded "mastered", unless that is already its mark. Pages showing marks hear
// "qbank:marks".
export async function setMark(id, state, now = new Date()) {
  if (markOf(id) !== state) await toggleMark(id, state, now);
  document.dispatchEvent(new CustomEvent("qbank:marks"));
  return state;
}

// Due today: scheduled for any time before tomorrow begins (the reader's local day).
export function isDueToday(id, data = loadProgress(), now = new Date()) {
  const due = dueDate(id, data);
  const tomorrow = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1);
  return due !== null && due < tomorrow;
}

// Marks from before schedules existed (a version-1 store or import) get one: each is graded once, at the time
// it was made. Loads the scheduler only when there is such a mark.
async function scheduled(data) {
  const missing = Object.keys(data.marks).filter((id) => !data.cards[id]);
  if (missing.length === 0) return data;
  const { gradeCard } = await import("./schedule.js");
  const cards = { ...data.cards };
  for (const id of missing) {
    const mark = data.marks[id];
    cards[id] = { ...gradeCard(null, mark.state, new Date(mark.at)), prior: { card: null, mark: null } };
  }
  return { ...data, cards };
}

export async function ensureScheduled() {
  const data = loadProgress();
  const done = await scheduled(data);
  if (done !== data) saveProgress(done);
  return done;
}

export async function exportProgress() {
  return JSON.stringify(await ensureScheduled(), null, 1);
}

// Replace progress with an imported file's (version 1 or 2); returns the number of marks, or null (and changes
// nothing) if the file is not valid.
export async function importProgress(text) {
  let data;
  try {
    data = JSON.parse(text);
  } catch {
    return null;
  }
  if (!validProgress(data)) return null;
  const current = await scheduled(data.version === 1 ? { ...empty(), marks: data.marks } : data);
  saveProgress(current);
  return Object.keys(current.marks).length;
}

// This site's config, written by overrides/main.html as JSON (never HTML).
export function siteConfig() {
  const element = document.getElementById("qbank-config");
  return element ? JSON.parse(element.textContent) : null;
}

// The current language's question index (hooks/question_index.py), fetched once.
let index = null;
export function questionIndex(config) {
  index ??= fetch(config.index).then((response) => {
    if (!response.ok) throw new Error(`questions.json: HTTP ${response.status}`);
    return response.json();
  });
  return index;
}

// Absolute URL of a question from its questions.json "url" (relative to the site root).
export function questionUrl(config, entry) {
  return new URL(entry.url, new URL(config.siteRoot, location.href)).href;
}
