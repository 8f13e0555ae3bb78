// Study tools on every page: marks and "next question" under each answer, progress on the home and topic
// pages, "random question", expand/collapse the answers of this page (never remembered: the next question
// starts closed, so the reader answers first), and progress export/import. Practice mode is practice.js,
// loaded only on its page. Without JavaScript the pages read as before: every control here starts hidden.
import {
  dueDate, exportProgress, importProgress, loadProgress, markOf, questionIndex, questionUrl, siteConfig, toggleMark,
} from "./progress.js";

const config = siteConfig();
// Controls marked qbank-pending keep their place, invisible, until this script sets them up (extra.css).
const text = config?.strings;

function setUpMarks(toolbar) {
  const id = toolbar.dataset.question;
  const status = toolbar.querySelector("[role=status]");
  const buttons = [...toolbar.querySelectorAll("button[data-mark]")];
  const show = () => {
    const state = markOf(id);
    buttons.forEach((button) => button.setAttribute("aria-pressed", String(button.dataset.mark === state)));
  };
  buttons.forEach((button) => button.addEventListener("click", async () => {
    const state = await toggleMark(id, button.dataset.mark);
    status.textContent = state === null ? text.unmarked : text[`marked_${state}`] + nextReview(id);
    show();
  }));
  document.addEventListener("qbank:marks", show); // set elsewhere on the page (an exercise's tests all passed)
  show();
}

// ", next review 10 Dec", in the page's language.
function nextReview(id) {
  const due = dueDate(id);
  return due ? text.next_review.replace("{date}", due.toLocaleDateString(document.documentElement.lang, { month: "short", day: "numeric" })) : "";
}

function setUpExpandAll(button) {
  const answers = () => [...document.querySelectorAll("article details")];
  const apply = (expanded) => {
    answers().forEach((details) => { details.open = expanded; });
    button.textContent = expanded ? text.collapse_all : text.expand_all;
    button.setAttribute("aria-pressed", String(expanded));
  };
  button.addEventListener("click", () => apply(button.getAttribute("aria-pressed") !== "true"));
  apply(false);
}

async function showProgress(placeholders) {
  const entries = await questionIndex(config);
  const marks = loadProgress().marks;
  for (const placeholder of placeholders) {
    // data-topic="" is the whole bank (home page), shown only once the reader has marks.
    const topic = placeholder.dataset.topic;
    const inTopic = topic ? entries.filter((entry) => entry.topic === topic) : entries;
    const count = (state) => inTopic.filter((entry) => marks[entry.id]?.state === state).length;
    if (!topic && count("mastered") + count("review") === 0) continue;
    placeholder.textContent = text.progress
      .replace("{mastered}", count("mastered")).replace("{total}", inTopic.length).replace("{review}", count("review"));
    placeholder.hidden = false;
    placeholder.classList.remove("qbank-pending");
  }
  const byUrl = new Map(entries.map((entry) => [questionUrl(config, entry), entry.id]));
  for (const link of document.querySelectorAll("article table a[href]")) {
    const state = marks[byUrl.get(link.href)]?.state;
    if (!state) continue;
    const badge = document.createElement("span");
    badge.className = `qbank-badge qbank-badge--${state}`;
    badge.textContent = text[`badge_${state}`];
    link.after(" ", badge);
  }
}

async function goToRandomQuestion() {
  const entries = await questionIndex(config);
  const others = entries.filter((entry) => questionUrl(config, entry) !== location.href.split("#")[0]);
  const pick = others[Math.floor(Math.random() * others.length)];
  if (pick) location.assign(questionUrl(config, pick));
}

function setUpTransfer(panel) {
  const status = panel.querySelector("[role=status]");
  panel.querySelector("[data-progress-export]").addEventListener("click", async () => {
    const link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([await exportProgress()], { type: "application/json" }));
    link.download = "llm-app-interview-progress.json";
    link.click();
    URL.revokeObjectURL(link.href);
    status.textContent = text.exported;
  });
  const input = panel.querySelector("input[type=file]");
  panel.querySelector("[data-progress-import]").addEventListener("click", () => input.click());
  input.addEventListener("change", async () => {
    const file = input.files[0];
    input.value = "";
    if (!file) return;
    const count = file.size <= 2_000_000 ? await importProgress(await file.text()) : null;
    status.textContent = count === null ? text.import_error : text.imported.replace("{count}", count);
    status.classList.toggle("qbank-error", count === null);
  });
}

if (config) {
  const toolbar = document.querySelector(".qbank-study[data-question]");
  const answer = document.querySelector("article details.success");
  if (toolbar && answer) {
    // In place below the answer from the first paint, next-question link included (hooks/next_question.py):
    // no questions.json on a question page, and nothing moves.
    setUpMarks(toolbar);
    toolbar.classList.remove("qbank-pending");
  }
  const expandAll = document.querySelector("[data-expand-all]");
  if (expandAll) {
    setUpExpandAll(expandAll);
    expandAll.hidden = false;
  }
  const placeholders = [...document.querySelectorAll(".qbank-progress[data-topic]")];
  if (placeholders.length) showProgress(placeholders).catch((error) => console.warn("progress:", error));
  for (const button of document.querySelectorAll("[data-qbank-random]")) {
    button.addEventListener("click", () => goToRandomQuestion().catch((error) => console.warn("random:", error)));
    button.classList.remove("qbank-pending");
  }
  const transfer = document.querySelector(".qbank-transfer");
  if (transfer) {
    setUpTransfer(transfer);
    transfer.hidden = false;
  }
  // The 404 page (overrides/404.html) speaks every language: keep the one of the address asked for.
  const notFound = [...document.querySelectorAll("[data-not-found]")];
  if (notFound.length) {
    const path = location.pathname.slice(new URL(config.siteRoot, location.href).pathname.length);
    const byRoot = (section) => section.dataset.notFound.length;
    const mine = notFound.filter((section) => path.startsWith(section.dataset.notFound)).sort((a, b) => byRoot(b) - byRoot(a))[0];
    notFound.forEach((section) => { section.hidden = section !== mine; });
  }
  // An exercise's editor and runner (exercise.js), only on its page.
  const exercises = [...document.querySelectorAll(".qbank-exercise[data-exercise]")];
  if (exercises.length) import("./exercise.js").then((module) => exercises.forEach(module.setUpExercise));
  // Progress at a glance (home page): loaded only there, once the reader has marks.
  const glance = document.querySelector(".qbank-glance");
  if (glance && Object.keys(loadProgress().marks).length) {
    import("./glance.js").then((module) => module.showGlance(glance, config)).catch((error) => console.warn("glance:", error));
  }
  const practice = document.getElementById("qbank-practice");
  if (practice) import("./practice.js").then((module) => module.startPractice(practice, config));
}
