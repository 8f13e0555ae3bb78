// An exercise page's editor and test runner (hooks/exercises.py renders the controls, hidden; this shows them).
// Loaded by study.js only on a page with an exercise. Python runs in a module Web Worker (exercise-worker.js) that
// is created on the first "Run tests" click, never on page load: until then nothing of Pyodide is requested.
// Stop, and a run longer than TIME_LIMIT, terminate the worker; the next run starts a new one.
import { markOf, setMark } from "./progress.js";

const TIME_LIMIT = 10_000; // ms a run may take once Python has loaded
const INDENT = "    ";
const STORAGE = "qbank.exercise.v1.";

const element = (tag, properties = {}, ...children) => {
  const node = Object.assign(document.createElement(tag), properties);
  node.append(...children);
  return node;
};

function load(key) {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function save(key, value) {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    // storage full or disabled: the code simply does not persist
  }
}

// Tab / Shift+Tab indent and outdent the selected lines; Esc lets the next Tab leave the editor (no keyboard trap).
function setUpIndenting(editor) {
  let escaped = false;
  editor.addEventListener("keydown", (event) => {
    if (event.key === "Escape") {
      escaped = true;
      return;
    }
    if (event.key !== "Tab" || escaped || event.ctrlKey || event.altKey || event.metaKey) {
      escaped = false;
      return;
    }
    event.preventDefault();
    const { value, selectionStart: start, selectionEnd: end } = editor;
    const lineStart = value.lastIndexOf("\n", start - 1) + 1;
    if (!event.shiftKey && start === end) {
      editor.setRangeText(INDENT, start, end, "end");
    } else {
      const block = value.slice(lineStart, end);
      const lines = block.split("\n");
      const changed = lines.map((line) => (event.shiftKey ? line.replace(/^( {1,4}|\t)/, "") : INDENT + line)).join("\n");
      editor.setRangeText(changed, lineStart, end, "select");
    }
    editor.dispatchEvent(new Event("input"));
  });
  editor.addEventListener("blur", () => { escaped = false; });
}

export function setUpExercise(root) {
  const id = root.dataset.exercise;
  const text = JSON.parse(root.dataset.strings);
  const ui = root.querySelector(".qbank-exercise__ui");
  const starterBlock = root.querySelector(".starter.highlight");
  const starter = starterBlock.querySelector("code").textContent.replace(/\n$/, "") + "\n";
  const editor = ui.querySelector("textarea");
  const [run, stop, reset] = ["run", "stop", "reset"].map((name) => ui.querySelector(`[data-exercise-${name}]`));
  const status = ui.querySelector(".qbank-exercise__status");
  const list = ui.querySelector(".qbank-exercise__results");
  const key = STORAGE + id;

  editor.value = load(key) ?? starter;
  editor.rows = Math.min(30, Math.max(8, starter.split("\n").length + 2));
  editor.addEventListener("input", () => save(key, editor.value === starter ? null : editor.value));
  setUpIndenting(editor);
  starterBlock.hidden = true;
  ui.hidden = false;

  let worker = null;
  let timer = null;
  let sources = null; // [runner, tests], fetched on the first run

  const say = (message, error = false) => {
    status.textContent = message;
    status.classList.toggle("qbank-error", error);
  };
  const busy = (running) => {
    run.disabled = running;
    stop.disabled = !running;
  };
  const finish = () => {
    clearTimeout(timer);
    timer = null;
    busy(false);
  };
  const kill = () => {
    worker?.terminate();
    worker = null;
    finish();
  };

  function show(results) {
    list.replaceChildren();
    // The reader's code did not compile or import: one error, not a list of tests.
    if (results.length === 1 && ["solution.py", "tests.py", "runner"].includes(results[0].name)) {
      say(text.error, true);
      list.append(element("li", { className: "qbank-exercise__result qbank-exercise__result--error" },
        element("pre", {}, element("code", { textContent: results[0].message }))));
      return;
    }
    const failed = results.filter((result) => !result.passed);
    for (const result of results) {
      const item = element("li", { className: `qbank-exercise__result qbank-exercise__result--${result.passed ? "pass" : "fail"}` },
        element("span", { className: "qbank-exercise__verdict", textContent: result.passed ? text.pass_label : text.fail_label }),
        " ", element("code", { textContent: result.name }));
      if (!result.passed) item.append(element("pre", { className: "qbank-exercise__message" }, element("code", { textContent: result.message })));
      list.append(item);
    }
    if (failed.length === 0 && results.length > 0) {
      let message = text.passed.replace("{total}", results.length);
      if (markOf(id) !== "mastered") {
        setMark(id, "mastered");
        message += (/[\u3000-\u303f\uff00-\uffef]$/.test(message) ? "" : " ") + text.mastered; // no space after "。"
      }
      say(message);
    } else {
      say(text.failed.replace("{failed}", failed.length).replace("{total}", results.length), true);
    }
  }

  function startWorker() {
    const created = new Worker(new URL("./exercise-worker.js", import.meta.url), { type: "module" });
    created.onmessage = ({ data }) => {
      if (created !== worker) return;
      if (data.type === "started") {
        say(text.running);
        timer = setTimeout(() => {
          kill();
          say(text.timeout.replace("{seconds}", TIME_LIMIT / 1000), true);
        }, TIME_LIMIT);
      } else if (data.type === "results") {
        finish();
        show(data.results);
      } else if (data.type === "load-error") {
        kill();
        say(text.load_error, true);
      }
    };
    created.onerror = (event) => {
      event.preventDefault();
      if (created !== worker) return;
      kill();
      say(text.load_error, true);
    };
    return created;
  }

  async function fetchSources() {
    const get = async (url) => {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
      return response.text();
    };
    return Promise.all([get(new URL("./exercise_runner.py", import.meta.url)), get(new URL(root.dataset.tests, location.href))]);
  }

  run.addEventListener("click", async () => {
    busy(true);
    list.replaceChildren();
    say(text.loading);
    try {
      sources ??= await fetchSources();
    } catch (error) {
      console.warn("exercise:", error);
      sources = null;
      finish();
      say(text.load_error, true);
      return;
    }
    worker ??= startWorker();
    worker.postMessage({ type: "run", runner: sources[0], tests: sources[1], code: editor.value });
  });
  stop.addEventListener("click", () => {
    kill();
    say(text.stopped);
    run.focus();
  });
  reset.addEventListener("click", () => {
    editor.value = starter;
    save(key, null);
    list.replaceChildren();
    say(text.reset_done);
  });
}
