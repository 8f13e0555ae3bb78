// Header search over the Pagefind index (hooks/search_index.py, overrides/partials/search.html).
// Nothing is downloaded until the reader focuses the search box; Pagefind then loads the index of
// the page's own language (each language has its own), so Chinese pages find Chinese pages and English English.

import { matchedAliases, rankedSearch } from "./search-rank.js";

const box = document.querySelector("[data-qbank-search]");
const toggle = document.getElementById("__search");

if (box && toggle) {
  const input = box.querySelector("input[name=query]");
  const form = box.querySelector("form");
  const meta = box.querySelector(".md-search-result__meta");
  const list = box.querySelector(".md-search-result__list");
  const filters = [...box.querySelectorAll("select")];
  const MAX_RESULTS = 10;
  const DEBOUNCE_MS = 120;
  let engine = null;
  let generation = 0;
  let timer = 0;

  // This language's own index, <language root>/pagefind/ (hooks/search_index.py builds one per language);
  // its result URLs are relative to the language root.
  const index = new URL(box.dataset.index, location.href);
  const pagefind = () => {
    engine ??= import(new URL("pagefind.js", index).href).then(async (module) => {
      // termFrequency 0 ranks by the weighted count of matches instead of their share of the page: every
      // page is one question, and a title match (weighted up by hooks/search_index.py) should beat passing
      // mentions in long answers. On tests/search_queries.yml it raised recall@3 from 0.955 to 0.985.
      await module.options({ baseUrl: new URL("..", index).pathname, excerptLength: 24, ranking: { termFrequency: 0 } });
      await module.init();
      return module;
    });
    return engine;
  };

  const open = () => {
    toggle.checked = true;
    pagefind().catch(() => {});
  };

  const close = () => {
    toggle.checked = false;
    input.blur();
  };

  const chosenFilters = () =>
    Object.fromEntries(filters.filter((select) => select.value).map((select) => [select.name, select.value]));

  const countText = (count) => {
    const key = count === 0 ? "none" : count === 1 ? "one" : "other";
    return box.dataset[key].replace("#", String(count));
  };

  // Pagefind escapes the page text and wraps matches in <mark>; rebuild that as DOM nodes, never as HTML.
  const excerptNodes = (excerpt) => {
    const decode = (html) => new DOMParser().parseFromString(html, "text/html").documentElement.textContent;
    return excerpt.split(/(<mark>.*?<\/mark>)/).filter(Boolean).map((part) => {
      const match = part.match(/^<mark>(.*)<\/mark>$/);
      if (!match) return document.createTextNode(decode(part));
      const mark = document.createElement("mark");
      mark.textContent = decode(match[1]);
      return mark;
    });
  };

  const resultItem = (result, query) => {
    const item = document.createElement("li");
    item.className = "md-search-result__item";
    const link = document.createElement("a");
    link.className = "md-search-result__link";
    link.href = result.url;
    const article = document.createElement("article");
    article.className = "md-search-result__article md-typeset";
    const title = document.createElement("h1");
    title.textContent = result.meta.title;
    const labels = document.createElement("div");
    labels.className = "qbank-search-labels";
    labels.textContent = [...(result.filters.topic || []), ...(result.filters.difficulty || [])].join(" · ");
    article.append(title, labels);
    const aliases = matchedAliases(query, result.meta.aliases);
    if (aliases.length > 0) {
      const names = document.createElement("p");
      names.className = "qbank-search-aliases";
      names.textContent = box.dataset.aliases.replace("{aliases}", aliases.join(" · "));
      article.append(names);
    }
    const excerpt = document.createElement("p");
    excerpt.append(...excerptNodes(result.excerpt));
    article.append(excerpt);
    link.append(article);
    item.append(link);
    return item;
  };

  let pending = Promise.resolve();
  const run = () => {
    pending = findResults();
    return pending;
  };

  const findResults = async () => {
    const query = input.value.trim();
    const chosen = chosenFilters();
    const mine = ++generation;
    if (!query && Object.keys(chosen).length === 0) {
      list.replaceChildren();
      meta.textContent = box.dataset.placeholder;
      return;
    }
    try {
      const { total, results } = await rankedSearch(await pagefind(), query, { filters: chosen });
      if (mine !== generation) return; // a newer query has been typed meanwhile
      list.replaceChildren(...results.slice(0, MAX_RESULTS).map((result) => resultItem(result, query)));
      meta.textContent = countText(total);
    } catch (error) {
      if (mine !== generation) return;
      list.replaceChildren();
      meta.textContent = box.dataset.error;
      console.warn("search failed", error);
    }
  };

  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      timer = 0;
      run();
    }, DEBOUNCE_MS);
  };

  // Enter opens the first result; a result chosen with the arrow keys has focus and opens as a link does.
  const openFirst = async () => {
    if (timer) {
      clearTimeout(timer);
      timer = 0;
      run();
    }
    await pending;
    const first = list.querySelector("a[href]");
    if (first) location.assign(first.href);
  };

  input.addEventListener("focus", open);
  input.addEventListener("input", schedule);
  filters.forEach((select) => select.addEventListener("change", run));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    openFirst();
  });
  form.addEventListener("reset", () => setTimeout(run));
  // Tabbing on past the box closes it, as a click outside does.
  box.addEventListener("focusout", (event) => {
    if (event.relatedTarget && !box.contains(event.relatedTarget)) close();
  });
  // The header's search icon is a label that only ticks the checkbox; on a phone the box must also take focus,
  // or the reader taps twice. Focus must be given in the tap's own event for the on-screen keyboard to open.
  toggle.addEventListener("change", () => {
    if (toggle.checked) input.focus();
  });

  const links = () => [...list.querySelectorAll("a")];
  box.addEventListener("keydown", (event) => {
    if (event.key === "Escape") {
      close();
      return;
    }
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    const all = links();
    if (all.length === 0) return;
    event.preventDefault();
    const at = all.indexOf(document.activeElement);
    const next = event.key === "ArrowDown" ? Math.min(at + 1, all.length - 1) : at - 1;
    (next < 0 ? input : all[next]).focus();
  });

  // Links to "#search" (the 404 page's) open the box.
  if (location.hash === "#search") {
    open();
    input.focus();
  }

  // "/", "s" or "f" anywhere but in a form field opens search, as in material's own search.
  document.addEventListener("keydown", (event) => {
    const typing = event.target.closest?.("input, textarea, select, [contenteditable]");
    if (typing || event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === "/" || event.key === "s" || event.key === "f") {
      event.preventDefault();
      open();
      input.focus();
    }
  });
}
