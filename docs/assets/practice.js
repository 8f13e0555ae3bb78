// Practice mode (docs/practice.md): choose topics, difficulty and order (random, weakest first, or the
// questions due for review today), then one question at a time: optionally an answer box and a timer first,
// then the reference answer (beside the reader's own), then the marks, which are review grades (progress.js).
// A mock interview takes N questions and, after each, asks its follow-ups (questions.json "followups") one by
// one, then ends with a summary. Keyboard: Space reveals, ← → move, 1 / 2 mark.
// Everything is built with DOM APIs; the answer comes from the question's own page on this site; the reader's
// text is kept in localStorage and only ever set as a textarea's value or a node's textContent.
import { drawDiagrams } from "./diagrams.js";
import { ensureScheduled, isDueToday, loadProgress, markOf, questionIndex, questionUrl, toggleMark } from "./progress.js";

const ANSWERS = "qbank.answers.v1";
const MAX_ANSWER = 20000;

const element = (tag, properties = {}, ...children) => {
  const node = Object.assign(document.createElement(tag), properties);
  node.append(...children);
  return node;
};

const shuffled = (items) => {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
};

// Never seen first, then "review again", then "got it"; random within each group.
const weakestFirst = (entries) => {
  const marks = loadProgress().marks;
  const rank = (entry) => ({ undefined: 0, review: 1, mastered: 2 })[marks[entry.id]?.state];
  return shuffled(entries).sort((a, b) => rank(a) - rank(b));
};

// Due today, the longest overdue first.
const dueToday = (entries) => {
  const data = loadProgress();
  return entries.filter((entry) => isDueToday(entry.id, data))
    .sort((a, b) => Date.parse(data.cards[a.id].due) - Date.parse(data.cards[b.id].due));
};

// The reader's own answers, by question id: {text, at}. Never sent anywhere, never exported.
function storedAnswers() {
  try {
    const data = JSON.parse(localStorage.getItem(ANSWERS));
    if (!data || typeof data !== "object" || Array.isArray(data)) return {};
    return Object.fromEntries(Object.entries(data).filter(([, value]) =>
      value && typeof value.text === "string" && value.text.length <= MAX_ANSWER));
  } catch {
    return {};
  }
}
function saveAnswer(id, text) {
  const data = storedAnswers();
  if (text) data[id] = { text: text.slice(0, MAX_ANSWER), at: new Date().toISOString() };
  else delete data[id];
  try {
    localStorage.setItem(ANSWERS, JSON.stringify(data));
  } catch {
    // storage full or disabled: the answer is not kept
  }
}

// Suggested answer time: a system-design question gets longer than a concept question.
const minutesFor = (entry) => (entry.topic === "system-design" ? 6 : entry.difficulty === "hard" ? 3 : 2);
const clock = (ms) => {
  const seconds = Math.floor(Math.abs(ms) / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
};

// questions.json's follow-up text is minimal Markdown: `code` and $formulas$ become code, the rest text.
function inline(markdown) {
  const nodes = [];
  let last = 0;
  for (const match of markdown.matchAll(/`([^`]+)`|\$([^$]+)\$/g)) {
    nodes.push(markdown.slice(last, match.index), element("code", { textContent: match[1] ?? match[2] }));
    last = match.index + match[0].length;
  }
  nodes.push(markdown.slice(last));
  return nodes;
}

const answers = new Map();
async function answerOf(url) {
  if (!answers.has(url)) {
    answers.set(url, fetch(url).then(async (response) => {
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      // Our own page, parsed inertly; only the answer's nodes are adopted.
      const page = new DOMParser().parseFromString(await response.text(), "text/html");
      const details = page.querySelector("article details.success");
      if (!details) throw new Error("no answer block");
      return [...details.childNodes].filter((node) => node.nodeName !== "SUMMARY");
    }));
  }
  return (await answers.get(url)).map((node) => document.importNode(node, true));
}

export async function startPractice(root, config) {
  const text = config.strings;
  const entries = await questionIndex(config);
  await ensureScheduled();
  root.querySelector(".qbank-nojs")?.remove();
  root.hidden = false;
  showSetup();

  function checkboxes(name, values, labels) {
    return element("fieldset", {},
      element("legend", { textContent: text[`practice_${name}`] }),
      ...values.map((value) => element("label", {},
        element("input", { type: "checkbox", name, value, checked: true }), ` ${labels[value]}`)));
  }
  function radios(name, values, labels, checked) {
    return element("fieldset", {}, element("legend", { textContent: text[`practice_${name}`] }),
      ...values.map((value) => element("label", {},
        element("input", { type: "radio", name, value, checked: value === checked }), ` ${labels[value]}`)));
  }

  function showSetup() {
    const names = Object.fromEntries(config.topics);
    const topics = config.topics.map(([topic]) => topic).filter((topic) => entries.some((entry) => entry.topic === topic));
    const counts = Object.fromEntries(topics.map((topic) =>
      [topic, `${names[topic]} (${entries.filter((entry) => entry.topic === topic).length})`]));
    const due = dueToday(entries).length;
    const order = radios("order", ["random", "weakest", "due"], {
      random: text.order_random, weakest: text.order_weakest, due: text.order_due.replace("{count}", due),
    }, "random");
    const count = element("input", { type: "number", name: "count", min: 1, max: 20, value: 3, className: "qbank-practice__count" });
    const mode = radios("mode", ["practice", "interview"], { practice: text.mode_practice, interview: text.mode_interview }, "practice");
    mode.append(element("label", {}, `${text.interview_count} `, count));
    const answerFirst = element("fieldset", {}, element("legend", { textContent: text.answer_first_legend }),
      element("label", {}, element("input", { type: "checkbox", name: "answer-first" }), ` ${text.answer_first}`));
    const message = element("p", { className: "qbank-error", role: "alert" });
    const form = element("form", { className: "qbank-practice__setup" },
      element("p", { className: "qbank-due", textContent: text.due_today.replace("{count}", due) }),
      mode,
      checkboxes("topics", topics, counts),
      checkboxes("difficulty", config.difficulty.map(([level]) => level), Object.fromEntries(config.difficulty)),
      order, answerFirst, message,
      element("button", { type: "submit", className: "md-button md-button--primary", textContent: text.practice_start }));
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const chosen = (name) => new Set([...form.querySelectorAll(`input[name=${name}]:checked`)].map((input) => input.value));
      const topicsChosen = chosen("topics");
      const levels = chosen("difficulty");
      const pool = entries.filter((entry) => topicsChosen.has(entry.topic) && levels.has(entry.difficulty));
      const how = form.querySelector("input[name=order]:checked").value;
      const ordered = { random: shuffled, weakest: weakestFirst, due: dueToday }[how](pool);
      if (ordered.length === 0) {
        message.textContent = how === "due" ? text.practice_none_due : text.practice_empty;
        return;
      }
      if (form.querySelector("input[name=mode]:checked").value === "interview") {
        const n = Math.min(Math.max(1, Math.round(Number(count.value)) || 3), 20);
        run(ordered.slice(0, n), { answerFirst: true, interview: true });
      } else {
        run(ordered, { answerFirst: form.querySelector("input[name=answer-first]").checked, interview: false });
      }
    });
    root.replaceChildren(form, element("p", { className: "qbank-practice__keys", textContent: text.practice_keys }));
  }

  function run(queue, { answerFirst, interview }) {
    let at = 0;
    let step = 0; // in an interview: 0 the question itself, then its follow-ups 1..n
    let timer = null;
    const log = queue.map(() => ({ seconds: null, followups: 0 }));
    const position = element("p", { className: "qbank-practice__position", role: "status" });
    const title = element("h2", { className: "qbank-practice__question", tabIndex: -1 });
    const countdown = element("p", { className: "qbank-timer", role: "timer" });
    const box = element("textarea", { className: "qbank-answer-box", rows: 6, id: "qbank-answer-box" });
    const clear = element("button", { type: "button", className: "md-button", textContent: text.answer_clear });
    const saved = element("span", { className: "qbank-practice__saved", role: "status" });
    const write = element("div", { className: "qbank-practice__write", hidden: !answerFirst },
      element("label", { htmlFor: "qbank-answer-box", textContent: text.answer_label }), box,
      element("div", { className: "qbank-practice__tools" }, countdown, clear, saved));
    const answer = element("div", { className: "qbank-practice__answer", hidden: true });
    const followup = element("section", { className: "qbank-practice__followup", hidden: true });
    const reveal = element("button", { type: "button", className: "md-button md-button--primary", textContent: text.practice_reveal });
    const marks = ["mastered", "review"].map((state, i) => element("button", {
      type: "button", className: "md-button qbank-mark", hidden: true,
    }, text[state], element("span", { className: "qbank-key", textContent: ` (${i + 1})` })));
    marks.forEach((button, i) => { button.dataset.mark = ["mastered", "review"][i]; });
    const previous = element("button", { type: "button", className: "md-button", textContent: text.practice_previous, hidden: interview });
    const next = element("button", { type: "button", className: "md-button", textContent: text.practice_next });
    const restart = element("button", { type: "button", className: "md-button", textContent: text.practice_restart });
    // One bar for what the reader does next: reveal, or mark and move on. On narrow screens it stays at the
    // bottom of the viewport while a long answer scrolls (extra.css), so nobody scrolls 10,000 px to reach it.
    const bar = element("div", { className: "qbank-bar qbank-practice__bar" }, reveal, ...marks, previous, next);
    const card = element("section", { className: "qbank-practice__card" }, position, title, write, answer, followup, bar,
      element("div", { className: "qbank-practice__nav" }, restart));
    root.replaceChildren(card);

    const entry = () => queue[at];
    const revealed = () => reveal.hidden;
    const followups = () => (interview ? entry().followups ?? [] : []);
    let shownAt = 0;
    function stopTimer() {
      clearInterval(timer);
      timer = null;
    }
    function startTimer() {
      stopTimer();
      shownAt = Date.now();
      const limit = minutesFor(entry()) * 60_000;
      const tick = () => {
        const left = limit - (Date.now() - shownAt);
        countdown.textContent = `${text.timer_suggested.replace("{minutes}", limit / 60_000)} · `
          + (left >= 0 ? text.timer_left : text.timer_over).replace("{time}", clock(left));
        countdown.classList.toggle("qbank-timer--over", left < 0);
      };
      tick();
      timer = setInterval(tick, 1000);
    }
    function show() {
      if (at >= queue.length) {
        finish();
        return;
      }
      step = 0;
      position.textContent = text.practice_position.replace("{n}", at + 1).replace("{total}", queue.length);
      title.replaceChildren(element("a", { href: questionUrl(config, entry()), textContent: entry().title }));
      answer.hidden = true;
      answer.replaceChildren();
      followup.hidden = true;
      followup.replaceChildren();
      marks.forEach((button) => { button.hidden = true; });
      reveal.hidden = false;
      reveal.textContent = text.practice_reveal;
      previous.disabled = at === 0;
      next.textContent = interview && followups().length ? text.followup_start : interview && at === queue.length - 1 ? text.interview_finish : text.practice_next;
      if (answerFirst) {
        write.hidden = false;
        box.value = storedAnswers()[entry().id]?.text ?? "";
        saved.textContent = "";
        startTimer();
      }
      showMark();
      // The reader comes from the end of the previous answer: bring the new question into view.
      title.focus({ preventScroll: true });
      if (card.getBoundingClientRect().top < 0) card.scrollIntoView({ block: "start" });
    }
    function showMark() {
      const state = markOf(entry().id);
      marks.forEach((button) => button.setAttribute("aria-pressed", String(button.dataset.mark === state)));
    }
    async function doReveal() {
      if (step > 0) return revealFollowup();
      if (revealed()) return;
      const shown = entry();
      if (answerFirst) {
        stopTimer();
        log[at].seconds = Math.round((Date.now() - shownAt) / 1000);
        write.hidden = true;
      }
      reveal.hidden = true;
      answer.hidden = false;
      marks.forEach((button) => { button.hidden = false; });
      // The pressed button disappears: keep focus on the question, where Space scrolls the page.
      if (document.activeElement === reveal || write.contains(document.activeElement)) title.focus({ preventScroll: true });
      const url = questionUrl(config, shown);
      try {
        const nodes = await answerOf(url);
        if (shown !== entry() || step > 0) return; // the reader moved on while it loaded
        if (answerFirst) {
          // The reader's answer beside the 30-second answer (above it on a phone), then the rest of the answer.
          const first = nodes.findIndex((node) => /^H[2-6]$/.test(node.nodeName));
          const short = first < 0 ? nodes : nodes.slice(0, first);
          const mine = box.value.trim();
          answer.replaceChildren(element("div", { className: "qbank-compare" },
            element("div", { className: "qbank-compare__mine" }, element("h3", { textContent: text.answer_mine }),
              element("p", { className: mine ? "qbank-compare__text" : "qbank-compare__text qbank-compare__empty", textContent: mine || text.answer_empty })),
            element("div", { className: "qbank-compare__reference" }, ...short)), ...(first < 0 ? [] : nodes.slice(first)));
        } else {
          answer.replaceChildren(...nodes);
        }
        drawDiagrams(answer, url).catch((error) => console.warn("diagrams:", error));
      } catch {
        answer.replaceChildren(element("p", { className: "qbank-error", textContent: text.practice_load_error }),
          element("a", { href: url, textContent: text.practice_open }));
      }
    }
    function showFollowup() {
      const items = followups();
      const item = items[step - 1];
      answer.hidden = true;
      write.hidden = true;
      marks.forEach((button) => { button.hidden = true; });
      position.textContent = `${text.practice_position.replace("{n}", at + 1).replace("{total}", queue.length)} · `
        + text.followup_position.replace("{n}", step).replace("{total}", items.length);
      followup.replaceChildren(
        element("h3", { className: "qbank-practice__followup-q", tabIndex: -1 }, ...inline(item.q)),
        element("p", { className: "qbank-practice__followup-a", hidden: true }, ...inline(item.a)));
      followup.hidden = false;
      reveal.hidden = false;
      reveal.textContent = text.followup_reveal;
      next.textContent = step < items.length ? text.followup_next : at === queue.length - 1 ? text.interview_finish : text.practice_next;
      log[at].followups = Math.max(log[at].followups, step);
      followup.firstChild.focus({ preventScroll: true });
      if (card.getBoundingClientRect().top < 0) card.scrollIntoView({ block: "start" });
    }
    function revealFollowup() {
      if (reveal.hidden) return;
      followup.querySelector(".qbank-practice__followup-a").hidden = false;
      if (document.activeElement === reveal) followup.firstChild.focus({ preventScroll: true });
      reveal.hidden = true;
    }
    async function mark(state) {
      if (!revealed() || step > 0) return;
      const graded = entry();
      await toggleMark(graded.id, state);
      if (graded === entry() && card.isConnected) showMark(); // the reader may have moved on meanwhile
    }
    const move = (direction) => {
      if (interview && direction > 0 && step < followups().length) {
        if (step === 0 && !revealed()) doReveal(); // skipping the reveal still logs the time
        step += 1;
        showFollowup();
        return;
      }
      stopTimer();
      at = Math.max(0, at + direction);
      show();
    };

    function finish() {
      stopTimer();
      document.removeEventListener("keydown", keys);
      if (!interview) {
        root.replaceChildren(element("p", { role: "status", textContent: text.practice_done }), restart);
        restart.focus();
        return;
      }
      const marksNow = loadProgress().marks;
      const grade = (item) => (marksNow[item.id] ? text[marksNow[item.id].state] : text.summary_ungraded);
      const header = element("tr", {}, ...text.summary_header.map((label) => element("th", { scope: "col", textContent: label })));
      const rows = queue.map((item, i) => element("tr", {},
        element("td", {}, element("a", { href: questionUrl(config, item), textContent: item.title })),
        element("td", { textContent: log[i].seconds === null ? "–" : clock(log[i].seconds * 1000) }),
        element("td", { textContent: grade(item) }),
        element("td", { textContent: `${log[i].followups}/${(item.followups ?? []).length}` })));
      const weak = queue.filter((item) => marksNow[item.id]?.state !== "mastered");
      const heading = element("h2", { textContent: text.summary_title, tabIndex: -1 });
      root.replaceChildren(element("section", { className: "qbank-summary" },
        heading,
        element("div", { className: "qbank-summary__table" }, element("table", {}, element("thead", {}, header), element("tbody", {}, ...rows))),
        element("h3", { textContent: text.summary_review }),
        weak.length
          ? element("ul", {}, ...weak.map((item) => element("li", {}, element("a", { href: questionUrl(config, item), textContent: item.title }))))
          : element("p", { textContent: text.summary_nothing }),
        restart));
      heading.focus();
    }

    box.addEventListener("input", () => {
      saveAnswer(entry().id, box.value);
      saved.textContent = "";
    });
    clear.addEventListener("click", () => {
      box.value = "";
      saveAnswer(entry().id, "");
      saved.textContent = text.answer_cleared;
      box.focus();
    });
    reveal.addEventListener("click", doReveal);
    marks.forEach((button) => button.addEventListener("click", () => mark(button.dataset.mark)));
    previous.addEventListener("click", () => move(-1));
    next.addEventListener("click", () => move(1));
    restart.addEventListener("click", () => {
      stopTimer();
      document.removeEventListener("keydown", keys);
      showSetup();
    });
    function keys(event) {
      if (!card.isConnected) return; // the round is over or was restarted
      if (event.target.closest?.("input, textarea, select, [contenteditable]") || event.ctrlKey || event.metaKey || event.altKey) return;
      // Space reveals once; after that it scrolls the page as usual.
      const actions = { ArrowRight: () => move(1), 1: () => mark("mastered"), 2: () => mark("review") };
      if (!interview) actions.ArrowLeft = () => move(-1);
      if (!reveal.hidden) actions[" "] = doReveal;
      const action = actions[event.key];
      if (!action || (event.key === " " && event.target.closest?.("button, a"))) return; // Space on a button presses it
      event.preventDefault();
      action();
    }
    document.addEventListener("keydown", keys);
    show();
  }
}
