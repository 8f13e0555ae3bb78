"""Tests for code-chunker: written against the spec on the page, not against the reference solution."""
from solution import chunk_text, split_sentences

ZH = "检索增强生成先切分文档。块太大，噪声多！块太小，上下文丢失？所以要权衡。"
MIXED = "他说：“好。”然后走了。Pi is 3.14 today. Is it? Yes.\n下一段"


def test_chinese_sentences_are_not_cut():
    got = chunk_text(ZH, 20)
    want = ["检索增强生成先切分文档。块太大，噪声多！", "块太小，上下文丢失？所以要权衡。"]
    assert got == want, f"expected {want}, got {got}"


def test_every_chunk_fits_and_nothing_is_lost_without_overlap():
    for size in (5, 8, 13, 30, 200):
        got = chunk_text(MIXED, size)
        assert all(0 < len(c) <= size for c in got), f"max_chars={size}: chunk lengths {[len(c) for c in got]}"
        assert "".join(got) == MIXED, f"max_chars={size}: chunks do not join back to the text: {got}"


def test_split_sentences_examples():
    got = split_sentences(MIXED)
    want = ["他说：“好。”", "然后走了。", "Pi is 3.14 today. ", "Is it? ", "Yes.\n", "下一段"]
    assert got == want, f"expected {want}, got {got}"


def test_decimal_point_and_version_are_not_sentence_ends():
    got = split_sentences("Pi is 3.14 today. v1.2.3 is out!")
    want = ["Pi is 3.14 today. ", "v1.2.3 is out!"]
    assert got == want, f"a '.' not followed by whitespace is not an end; expected {want}, got {got}"


def test_closing_quote_stays_with_its_sentence():
    got = chunk_text(MIXED, 8)
    assert got[0] == "他说：“好。”", f"the closing quote belongs to the sentence; first chunk was {got[0]!r}"


def test_period_before_a_closing_quote_still_ends_the_sentence():
    got = split_sentences('He said "Stop." Then he left.')
    want = ['He said "Stop." ', "Then he left."]
    assert got == want, f"'.' + closing quote + space ends a sentence; expected {want}, got {got}"


def test_newline_ends_a_sentence():
    got = chunk_text("第一行没有句号\n第二行", 8)
    assert got == ["第一行没有句号\n", "第二行"], f"expected a cut after the newline, got {got}"


def test_overlap_repeats_whole_trailing_sentences():
    got = chunk_text("甲乙。丙丁戊。己庚辛壬。癸。", 9, overlap=5)
    want = ["甲乙。丙丁戊。", "丙丁戊。己庚辛壬。", "己庚辛壬。癸。"]
    assert got == want, f"overlap=5: expected {want}, got {got}"
    got = chunk_text("甲乙。丙丁戊。己庚辛壬。癸。", 9, overlap=4)
    want = ["甲乙。丙丁戊。", "丙丁戊。己庚辛壬。", "癸。"]
    assert got == want, f"overlap=4: '己庚辛壬。' is 5 chars, so nothing is repeated; expected {want}, got {got}"


def test_overlap_can_repeat_several_whole_units():
    got = chunk_text("一。二。三。四五六七。", 9, overlap=4)
    want = ["一。二。三。", "二。三。四五六七。"]
    assert got == want, f"overlap=4 fits the last two sentences '二。三。'; expected {want}, got {got}"


def test_overlap_never_pushes_a_chunk_over_max_chars():
    got = chunk_text("一二三。四五六七八九。", 8, overlap=4)
    want = ["一二三。", "四五六七八九。"]
    assert got == want, f"overlap '一二三。' + 7 chars would be 11 > 8; expected {want}, got {got}"


def test_overlong_sentence_is_hard_split():
    got = chunk_text("一二三四五六七八九十一二。短句。", 5)
    want = ["一二三四五", "六七八九十", "一二。", "短句。"]
    assert got == want, f"expected {want}, got {got}"


def test_hard_split_pieces_are_packed_like_sentences():
    got = chunk_text("一二三四五六七八。短。", 6)
    want = ["一二三四五六", "七八。短。"]
    assert got == want, f"the last piece '七八。' and '短。' fit together in 6; expected {want}, got {got}"


def test_empty_and_blank_text():
    assert chunk_text("", 10) == [], f"empty text: expected [], got {chunk_text('', 10)}"
    assert chunk_text(" \n\t", 10) == [], f"blank text: expected [], got {chunk_text(' ', 10)}"


def test_bad_sizes_raise_value_error():
    for args in ((ZH, 0), (ZH, 10, 10), (ZH, 10, -1)):
        try:
            chunk_text(*args)
        except ValueError:
            continue
        raise AssertionError(f"chunk_text{args[1:]} should raise ValueError")
