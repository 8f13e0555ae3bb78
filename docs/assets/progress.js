// The reader's marks ("got it" / "review again"), kept in this browser's localStorage.
// Shared by study.js and practice.js; nothing here touches the DOM.

const KEY = "qbank.progress.v1";
const FORMAT = "llm-app-interview-guide/progress";
const STATES = new Set(["mastered", "review"]);
const ID = /^[a-z0-9]+(?:-[a-z0-9]+){0,20}$/;
const MAX_MARKS = 10000;

const empty = () => ({ format: FORMAT, version: 1, marks: {} });

// A progress object is accepted only in exactly this shape; anything else is rejected whole.
export function validProgress(data) {
  if (!data || typeof data !== "object" || Array.isArray(data)) return false;
  if (data.format !== FORMAT || data.version !== 1) return false;
  const keys = Object.keys(data);
  if (keys.length !== 3 || !keys.every((key) => ["format", "version", "marks"].includes(key))) return false;
  const marks = data.marks;
  if (!marks || typeof marks !== "object" || Array.isArray(marks)) return false;
  const entries = Object.entries(marks);
  if (entries.length > MAX_MARKS) return false;
  return entries.every(([id, mark]) =>
    ID.test(id) && id.length <= 120 && mark && typeof mark === "object" && !Array.isArray(mark)
    && Object.keys(mark).length === 2 && STATES.has(mark.state)
    && typeof mark.at === "string" && mark.at.length <= 40 && !Number.isNaN(Date.parse(mark.at)));
}

export function loadProgress() {
  try {
    const data = JSON.parse(localStorage.getItem(KEY));
    return validProgress(data) ? data : empty();
  } catch {
    return empty();
  }
}

function saveProgress(data) {
  try {
    localStorage.setItem(KEY, JSON.stringify(data));
  } catch {
    // storage full or disabled: marks simply do not persist
  }
}

export function markOf(id) {
  return loadProgress().marks[id]?.state ?? null;
}

// Set a mark; pressing the mark a question already has removes it. Returns the new state (or null).
export function toggleMark(id, state) {
  const data = loadProgress();
  const next = data.marks[id]?.state === state ? null : state;
  if (next === null) delete data.marks[id];
  else data.marks[id] = { state: next, at: new Date().toISOString() };
  saveProgress(data);
  return next;
}

// Set a mark (an exercise whose tests all pass sets "mastered"); returns it. Pages showing marks hear "qbank:marks".
export function setMark(id, state) {
  const data = loadProgress();
  data.marks[id] = { state, at: new Date().toISOString() };
  saveProgress(data);
  document.dispatchEvent(new CustomEvent("qbank:marks"));
  return state;
}

export function exportProgress() {
  return JSON.stringify(loadProgress(), null, 1);
}

// Replace progress with an imported file's; returns the number of marks, or null (and changes nothing) if invalid.
export function importProgress(text) {
  let data;
  try {
    data = JSON.parse(text);
  } catch {
    return null;
  }
  if (!validProgress(data)) return null;
  saveProgress(data);
  return Object.keys(data.marks).length;
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
