// How docs/assets/search.js orders and annotates the results Pagefind returns (pure functions, no DOM).

const normal = (text) => (text || "").toLowerCase().replace(/\s+/g, " ").trim();

// Pagefind scores each word of the query on its own. For Chinese it matches the words its segmenter cuts the
// query into, so a long answer that says 混合 here and 检索 there can outrank the page about 混合检索 itself.
// Among the results already loaded, a page whose title or other names (front matter `aliases`) hold the whole
// query comes first, then a page whose text holds it, then the rest; each group keeps Pagefind's order.
export function wholeTermFirst(query, results) {
  const whole = normal(query);
  if (!whole) return results;
  const tier = (result) => {
    if (normal(`${result.meta.title} ${result.meta.aliases}`).includes(whole)) return 0;
    return normal(result.content).includes(whole) ? 1 : 2;
  };
  return results
    .map((result, order) => ({ result, order, tier: tier(result) }))
    .sort((a, b) => a.tier - b.tier || a.order - b.order)
    .map(({ result }) => result);
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
