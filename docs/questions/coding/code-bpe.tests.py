"""Tests for code-bpe: written against the spec on the page, not against the reference solution."""
from solution import decode, encode, train_bpe

PAPER = " ".join(["low"] * 5 + ["lower"] * 2 + ["newest"] * 6 + ["widest"] * 3)


def test_paper_corpus_first_merges():
    got = train_bpe(PAPER, 4)
    want = [("e", "s"), ("es", "t"), ("est", "</w>"), ("l", "o")]
    assert got == want, f"expected {want}, got {got}"


def test_counts_are_weighted_by_word_frequency():
    # 'ab' occurs in one word type seen 3 times; 'cd' and 'ef' in two word types seen once each
    got = train_bpe("ab ab ab cdx ycd", 1)
    assert got == [("a", "b")], f"expected [('a', 'b')] (count 3 beats ('c', 'd') with 2), got {got}"


def test_ties_go_to_the_smallest_pair():
    # every pair occurs twice; the first one seen is ('b', 'a') but the smallest is ('a', '</w>')
    got = train_bpe("ba ba ab ab", 1)
    assert got == [("a", "</w>")], f"expected [('a', '</w>')] (tie -> smallest tuple), got {got}"


def test_repeated_pairs_inside_a_word_all_count_and_all_merge():
    # 'ababab' (seen once) holds ('a', 'b') three times: 3 beats ('c', 'd') with 2.
    # After merging every occurrence the word is ab ab ab </w>, so ('ab', 'ab') occurs twice.
    got = train_bpe("ababab cd cd", 2)
    want = [("a", "b"), ("ab", "ab")]
    assert got == want, f"expected {want} (every occurrence counts and is merged), got {got}"


def test_stops_when_no_pair_occurs_twice():
    got = train_bpe("abc", 10)
    assert got == [], f"every pair occurs once, so no merge should be learned; got {got}"


def test_empty_corpus_and_zero_merges():
    assert train_bpe("", 5) == [], f"empty corpus: expected [], got {train_bpe('', 5)}"
    assert train_bpe(PAPER, 0) == [], f"num_merges=0: expected [], got {train_bpe(PAPER, 0)}"


def test_encode_unseen_word_falls_back_to_characters():
    merges = train_bpe(PAPER, 10)
    got = encode("lowest zest", merges)
    want = ["low", "est</w>", "z", "est</w>"]
    assert got == want, f"expected {want}, got {got}"


def test_encode_applies_merges_by_rank_on_symbols_not_substrings():
    got = encode("abc", [("a", "b"), ("b", "c")])
    assert got == ["ab", "c", "</w>"], f"('b', 'c') must not match across the symbol 'ab'; got {got}"


def test_encode_follows_rank_not_position():
    got = encode("abc", [("b", "c"), ("a", "b")])
    assert got == ["a", "bc", "</w>"], f"('b', 'c') has the better rank, so it wins over the leftmost pair; got {got}"


def test_encode_keeps_taking_the_best_ranked_pair_until_none_is_left():
    # "aaa" -> aa a </w> -> (aa, a) is rank 3 -> aaa </w> -> (aaa, </w>) is rank 2, which
    # becomes available only after rank 3 fired. One sweep through the merges in order would stop at aaa, </w>.
    merges = [("a", "a"), ("a", "aa"), ("aaa", "</w>"), ("aa", "a")]
    got = encode("aaa", merges)
    assert got == ["aaa</w>"], f"expected ['aaa</w>'], got {got}"


def test_encode_overlapping_pair_left_to_right():
    got = encode("aaa", [("a", "a")])
    assert got == ["aa", "a", "</w>"], f"expected ['aa', 'a', '</w>'], got {got}"


def test_chinese_without_spaces():
    merges = train_bpe("分词器 分词器 分词 分词", 2)
    assert merges == [("分", "词"), ("分词", "</w>")], f"got {merges}"
    got = encode("分词器", merges)
    assert got == ["分词", "器", "</w>"], f"expected ['分词', '器', '</w>'], got {got}"


def test_decode_round_trip_normalises_whitespace():
    merges = train_bpe(PAPER, 10)
    text = "  lowest\tnewer \n wider "
    got = decode(encode(text, merges))
    assert got == "lowest newer wider", f"expected 'lowest newer wider', got {got!r}"
    assert decode([]) == "", f"decode([]) should be '', got {decode([])!r}"


def test_negative_merges_raise_value_error():
    try:
        train_bpe("low low", -1)
    except ValueError:
        return
    raise AssertionError("train_bpe(..., num_merges=-1) should raise ValueError")


def test_end_marker_in_text_raises_value_error():
    for call in (lambda: train_bpe("a</w>b a</w>b", 1), lambda: encode("x</w>", [])):
        try:
            call()
        except ValueError:
            continue
        raise AssertionError("text containing '</w>' should raise ValueError")
