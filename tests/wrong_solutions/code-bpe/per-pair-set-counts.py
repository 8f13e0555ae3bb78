# Wrong: weights by word frequency but counts each pair once per word (a set of pairs),
# so ('a', 'b') in 'ababab' counts 1 instead of 3.
from collections import Counter

END = "</w>"


def _words(text: str) -> list[str]:
    if END in text:
        raise ValueError(f"text must not contain the end-of-word marker {END!r}")
    return text.split()


def _merge(symbols: list[str], pair: tuple[str, str]) -> list[str]:
    """Replace every non-overlapping occurrence of pair, scanning left to right."""
    out, i = [], 0
    while i < len(symbols):
        if i + 1 < len(symbols) and (symbols[i], symbols[i + 1]) == pair:
            out.append(symbols[i] + symbols[i + 1])
            i += 2
        else:
            out.append(symbols[i])
            i += 1
    return out


def train_bpe(corpus: str, num_merges: int) -> list[tuple[str, str]]:
    """Learn up to num_merges merges; most frequent pair first, ties -> smallest pair."""
    if num_merges < 0:
        raise ValueError("num_merges must be >= 0")
    vocab = {tuple(w) + (END,): f for w, f in Counter(_words(corpus)).items()}
    merges: list[tuple[str, str]] = []
    for _ in range(num_merges):
        pairs: Counter[tuple[str, str]] = Counter()
        for symbols, freq in vocab.items():
            for pair in set(zip(symbols, symbols[1:])):
                pairs[pair] += freq
        if not pairs:
            break
        best = min(pairs, key=lambda p: (-pairs[p], p))  # highest count, then smallest pair
        if pairs[best] < 2:
            break
        merges.append(best)
        vocab = {tuple(_merge(list(s), best)): f for s, f in vocab.items()}
    return merges


def encode(text: str, merges: list[tuple[str, str]]) -> list[str]:
    """Split text on whitespace; per word, keep merging the adjacent pair with the lowest rank."""
    rank = {pair: i for i, pair in reversed(list(enumerate(merges)))}  # a repeated rule keeps its earliest rank
    tokens: list[str] = []
    for word in _words(text):
        symbols = list(word) + [END]
        while len(symbols) > 1:
            pair = min(zip(symbols, symbols[1:]), key=lambda p: rank.get(p, float("inf")))
            if pair not in rank:
                break
            symbols = _merge(symbols, pair)
        tokens += symbols
    return tokens


def decode(tokens: list[str]) -> str:
    """Concatenate tokens; each end-of-word marker becomes a single space between words."""
    return "".join(tokens).replace(END, " ").rstrip(" ")
