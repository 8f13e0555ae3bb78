// How docs/assets/search.js finds, orders and annotates results over Pagefind (no DOM here).

// How many results are loaded (one small fragment each) and re-ordered; the box shows the first ten.
// Measured on the query sets of tests/: 10 -> 20 raised recall@1 on search_queries.yml from 0.909 to 0.939.
export const LOADED_RESULTS = 20;

const normal = (text) => (text || "").toLowerCase().replace(/\s+/g, " ").trim();

// Pagefind scores each word of the query on its own. For Chinese it matches the words its segmenter cuts the
// query into, so a long answer that says 混合 here and 检索 there can outrank the page about 混合检索 itself.
// Among the loaded results, a page whose title or other names (front matter `aliases`) hold the whole query
// comes first, then a page whose text holds it, then the rest; each group keeps Pagefind's order.
// Exercises (page meta `kind`): a reader who types a concept's name wants the page that explains it, one who asks
// to write it ("手写 softmax", "implement top-p sampling") wants the exercise. So exercises follow the other
// pages, unless the query asks for code: then they come first, those whose title or other names hold more of the
// query's words first (a Chinese word written without spaces counts by its two-character pieces).
const ASKS_FOR_CODE = /手写|手撕|代码|实现|^(?:code|write)\b|\bcode$|\bimplement|from scratch|leetcode|\bin (?:python|numpy)\b/i;

const pieces = (words) => words.flatMap((word) =>
  /[\u4e00-\u9fff]/.test(word) && word.length > 2 ? [...word].slice(1).map((char, i) => word[i] + char) : [word]);

const lexicographic = (a, b) => {
  const i = a.findIndex((value, n) => value !== b[n]);
  return i < 0 ? 0 : a[i] - b[i];
};

export function wholeTermFirst(query, results) {
  const whole = normal(query);
  if (!whole) return results;
  const words = pieces(whole.split(" "));
  const forCode = ASKS_FOR_CODE.test(whole);
  const key = (result) => {
    const named = normal(`${result.meta.title} ${result.meta.aliases}`);
    const tier = named.includes(whole) ? 0 : normal(result.content).includes(whole) ? 1 : 2;
    if (result.meta.kind !== "exercise") return [forCode ? 1 : 0, 0, tier];
    return forCode ? [0, -words.filter((word) => named.includes(word)).length, tier] : [1, 0, tier];
  };
  return results
    .map((result, order) => ({ result, key: [...key(result), order] }))
    .sort((a, b) => lexicographic(a.key, b.key))
    .map(({ result }) => result);
}

// Pagefind returns only pages holding every word of the query: one word no page uses ("BM25 k1 b parameters")
// empties the list. Then each word is searched alone and a page ranks by how many of the words it holds,
// ties by its best position in those searches.
async function anyWord(pagefind, words, options) {
  const found = new Map();
  for (const search of await Promise.all(words.map((word) => pagefind.search(word, options)))) {
    search.results.forEach((result, position) => {
      const seen = found.get(result.id) ?? { result, words: 0, best: Infinity };
      seen.words += 1;
      seen.best = Math.min(seen.best, position);
      found.set(result.id, seen);
    });
  }
  return [...found.values()].sort((a, b) => b.words - a.words || a.best - b.best).map(({ result }) => result);
}

// The results for a query, loaded and ordered: {total, results}.
export async function rankedSearch(pagefind, query, options) {
  const search = await pagefind.search(query || null, options);
  let results = search.results;
  const words = normal(query).split(" ").filter(Boolean);
  if (results.length === 0 && words.length > 1) results = await anyWord(pagefind, words, options);
  const loaded = await Promise.all(results.slice(0, LOADED_RESULTS).map((result) => result.data()));
  return { total: results.length, results: wholeTermFirst(query, loaded) };
}

// The other names of a result that the query matched, to show why a page whose title does not say it came up.
export function matchedAliases(query, aliases) {
  const words = normal(query).split(" ").filter(Boolean);
  if (!aliases || words.length === 0) return [];
  return aliases.split(" · ").filter((alias) => {
    const name = normal(alias);
    return words.some((word) => name.includes(word) || word.includes(name));
  });
}
