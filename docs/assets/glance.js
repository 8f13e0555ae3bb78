// Progress at a glance (home page, once the reader has marks): per topic mastered / to review / due today /
// not seen, the number due today with a link to review them, and a suggestion of what to do next.
// Loaded by study.js only where the page has a .qbank-glance placeholder. Built with DOM APIs only.
import { ensureScheduled, isDueToday, questionIndex, questionUrl } from "./progress.js";

const element = (tag, properties = {}, ...children) => {
  const node = Object.assign(document.createElement(tag), properties);
  node.append(...children);
  return node;
};

export async function showGlance(root, config) {
  const text = config.strings;
  const [entries, data] = await Promise.all([questionIndex(config), ensureScheduled()]);
  const marks = data.marks;
  const due = entries.filter((entry) => isDueToday(entry.id, data))
    .sort((a, b) => Date.parse(data.cards[a.id].due) - Date.parse(data.cards[b.id].due));
  const names = Object.fromEntries(config.topics);
  const rows = config.topics.map(([topic]) => topic).map((topic) => {
    const inTopic = entries.filter((entry) => entry.topic === topic);
    const count = (test) => String(inTopic.filter(test).length);
    return element("tr", {},
      element("th", { scope: "row", textContent: names[topic] }),
      element("td", { textContent: count((entry) => marks[entry.id]?.state === "mastered") }),
      element("td", { textContent: count((entry) => marks[entry.id]?.state === "review") }),
      element("td", { textContent: count((entry) => due.includes(entry)) }),
      element("td", { textContent: count((entry) => !marks[entry.id]) }));
  });
  // Next up: the longest overdue question; else the first one not seen yet, in the site's order.
  const next = due[0] ?? entries.find((entry) => !marks[entry.id]);
  const practice = new URL("practice/", new URL(config.index, location.href)).href;
  root.replaceChildren(
    element("h2", { id: "qbank-glance", textContent: text.glance_title }),
    element("p", { className: "qbank-glance__due" }, text.due_today.replace("{count}", due.length),
      ...(due.length ? [" ", element("a", { href: practice, textContent: text.glance_review })] : [])),
    ...(next ? [element("p", { className: "qbank-glance__next" }, text.glance_next, " ",
      element("a", { href: questionUrl(config, next), textContent: next.title }))] : []),
    element("div", { className: "qbank-glance__table" }, element("table", {},
      element("caption", { textContent: text.glance_caption }),
      element("thead", {}, element("tr", {}, ...text.glance_header.map((label) => element("th", { scope: "col", textContent: label })))),
      element("tbody", {}, ...rows))),
  );
  root.hidden = false;
}
