// Practice mode (docs/practice.md): choose topics, difficulty and order, then one question at a time:
// the question, a reveal, then the marks. Keyboard: Space reveals, ← → move, 1 / 2 mark.
// Everything is built with DOM APIs; the answer comes from the question's own page on this site.
import { drawDiagrams } from "./diagrams.js";
import { loadProgress, markOf, questionIndex, questionUrl, toggleMark } from "./progress.js";

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
  root.querySelector(".qbank-nojs")?.remove();
  root.hidden = false;
  showSetup();

  function checkboxes(name, values, labels) {
    return element("fieldset", {},
      element("legend", { textContent: text[`practice_${name}`] }),
      ...values.map((value) => element("label", {},
        element("input", { type: "checkbox", name, value, checked: true }), ` ${labels[value]}`)));
  }

  function showSetup() {
    const names = Object.fromEntries(config.topics);
    const topics = config.topics.map(([topic]) => topic).filter((topic) => entries.some((entry) => entry.topic === topic));
    const counts = Object.fromEntries(topics.map((topic) =>
      [topic, `${names[topic]} (${entries.filter((entry) => entry.topic === topic).length})`]));
    const order = element("fieldset", {}, element("legend", { textContent: text.practice_order }),
      ...["random", "weakest"].map((value) => element("label", {},
        element("input", { type: "radio", name: "order", value, checked: value === "random" }), ` ${text[`order_${value}`]}`)));
    const message = element("p", { className: "qbank-error", role: "alert" });
    const form = element("form", { className: "qbank-practice__setup" },
      checkboxes("topics", topics, counts),
      checkboxes("difficulty", config.difficulty.map(([level]) => level), Object.fromEntries(config.difficulty)),
      order, message,
      element("button", { type: "submit", className: "md-button md-button--primary", textContent: text.practice_start }));
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const chosen = (name) => new Set([...form.querySelectorAll(`input[name=${name}]:checked`)].map((input) => input.value));
      const topicsChosen = chosen("topics");
      const levels = chosen("difficulty");
      const pool = entries.filter((entry) => topicsChosen.has(entry.topic) && levels.has(entry.difficulty));
      if (pool.length === 0) {
        message.textContent = text.practice_empty;
        return;
      }
      const ordered = form.querySelector("input[name=order]:checked").value === "weakest" ? weakestFirst(pool) : shuffled(pool);
      run(ordered);
    });
    root.replaceChildren(form, element("p", { className: "qbank-practice__keys", textContent: text.practice_keys }));
  }

  function run(queue) {
    let at = 0;
    const position = element("p", { className: "qbank-practice__position", role: "status" });
    const title = element("h2", { className: "qbank-practice__question", tabIndex: -1 });
    const answer = element("div", { className: "qbank-practice__answer", hidden: true });
    const reveal = element("button", { type: "button", className: "md-button md-button--primary", textContent: text.practice_reveal });
    const marks = ["mastered", "review"].map((state, i) => element("button", {
      type: "button", className: "md-button qbank-mark", hidden: true,
    }, text[state], element("span", { className: "qbank-key", textContent: ` (${i + 1})` })));
    marks.forEach((button, i) => { button.dataset.mark = ["mastered", "review"][i]; });
    const previous = element("button", { type: "button", className: "md-button", textContent: text.practice_previous });
    const next = element("button", { type: "button", className: "md-button", textContent: text.practice_next });
    const restart = element("button", { type: "button", className: "md-button", textContent: text.practice_restart });
    // One bar for what the reader does next: reveal, or mark and move on. On narrow screens it stays at the
    // bottom of the viewport while a long answer scrolls (extra.css), so nobody scrolls 10,000 px to reach it.
    const bar = element("div", { className: "qbank-bar qbank-practice__bar" }, reveal, ...marks, previous, next);
    const card = element("section", { className: "qbank-practice__card" }, position, title, answer, bar,
      element("div", { className: "qbank-practice__nav" }, restart));
    root.replaceChildren(card);

    const entry = () => queue[at];
    const revealed = () => reveal.hidden;
    function show() {
      if (at >= queue.length) {
        root.replaceChildren(element("p", { role: "status", textContent: text.practice_done }), restart);
        restart.focus();
        return;
      }
      position.textContent = text.practice_position.replace("{n}", at + 1).replace("{total}", queue.length);
      title.replaceChildren(element("a", { href: questionUrl(config, entry()), textContent: entry().title }));
      answer.hidden = true;
      answer.replaceChildren();
      marks.forEach((button) => { button.hidden = true; });
      reveal.hidden = false;
      previous.disabled = at === 0;
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
      if (revealed()) return;
      const shown = entry();
      reveal.hidden = true;
      answer.hidden = false;
      marks.forEach((button) => { button.hidden = false; });
      // The pressed button disappears: keep focus on the question, where Space scrolls the page.
      if (document.activeElement === reveal) title.focus({ preventScroll: true });
      const url = questionUrl(config, shown);
      try {
        const nodes = await answerOf(url);
        if (shown !== entry()) return; // the reader moved on while it loaded
        answer.replaceChildren(...nodes);
        drawDiagrams(answer, url).catch((error) => console.warn("diagrams:", error));
      } catch {
        answer.replaceChildren(element("p", { className: "qbank-error", textContent: text.practice_load_error }),
          element("a", { href: url, textContent: text.practice_open }));
      }
    }
    function mark(state) {
      if (!revealed()) return;
      toggleMark(entry().id, state);
      showMark();
    }
    const move = (step) => {
      at = Math.max(0, at + step);
      show();
    };

    reveal.addEventListener("click", doReveal);
    marks.forEach((button) => button.addEventListener("click", () => mark(button.dataset.mark)));
    previous.addEventListener("click", () => move(-1));
    next.addEventListener("click", () => move(1));
    restart.addEventListener("click", () => {
      document.removeEventListener("keydown", keys);
      showSetup();
    });
    function keys(event) {
      if (!card.isConnected) return; // the round is over or was restarted
      if (event.target.closest?.("input, textarea, select, [contenteditable]") || event.ctrlKey || event.metaKey || event.altKey) return;
      // Space reveals once; after that it scrolls the page as usual.
      const actions = { ArrowRight: () => move(1), ArrowLeft: () => move(-1), 1: () => mark("mastered"), 2: () => mark("review") };
      if (!revealed()) actions[" "] = doReveal;
      const action = actions[event.key];
      if (!action || (event.key === " " && event.target.closest?.("button, a"))) return; // Space on a button presses it
      event.preventDefault();
      action();
    }
    document.addEventListener("keydown", keys);
    show();
  }
}
