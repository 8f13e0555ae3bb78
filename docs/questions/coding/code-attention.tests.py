"""Tests for code-attention: written against the spec on the page, not against the reference solution."""
import math

from solution import multi_head_attention, scaled_dot_product_attention

Q = [[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]]
K = [[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]]
V = [[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]]
I2 = [[1.0, 0.0], [0.0, 1.0]]


def close(got, expected, tol=1e-4):
    return len(got) == len(expected) and all(
        len(g) == len(e) and all(abs(a - b) <= tol for a, b in zip(g, e)) for g, e in zip(got, expected)
    )


def raises_value_error(fn):
    try:
        fn()
    except ValueError:
        return True
    except Exception:  # noqa: BLE001 - any other exception is the wrong one
        return False
    return False


def test_example_without_mask():
    got = scaled_dot_product_attention(Q, K, V)
    expected = [[3.0, 4.0], [3.4067, 4.4067], [3.5105, 4.5105]]
    assert close(got, expected), f"expected {expected}, got {got}"


def test_scores_are_scaled_by_sqrt_d_k():
    q, k, v = [[1.0, 1.0, 1.0, 1.0]], [[1.0, 1.0, 1.0, 1.0], [0.0, 0.0, 0.0, 0.0]], [[1.0], [0.0]]
    # scores 4 / sqrt(4) = 2 and 0  ->  weight of the first key = 1 / (1 + e^-2)
    expected = 1.0 / (1.0 + math.exp(-2.0))
    got = scaled_dot_product_attention(q, k, v)
    assert close(got, [[expected]]), f"with d_k=4 the score 4 is divided by 2: expected [[{expected:.4f}]], got {got}"


def test_causal_example():
    got = scaled_dot_product_attention(Q, K, V, causal=True)
    expected = [[1.0, 2.0], [2.3395, 3.3395], [3.5105, 4.5105]]
    assert close(got, expected), f"causal: expected {expected}, got {got}"


def test_causal_rows_do_not_see_the_future():
    base = scaled_dot_product_attention(Q, K, V, causal=True)
    k2, v2 = [row[:] for row in K], [row[:] for row in V]
    k2[2], v2[2] = [9.0, -9.0], [100.0, -100.0]
    changed = scaled_dot_product_attention(Q, k2, v2, causal=True)
    assert close(changed[:2], base[:2]), f"changing position 2 changed earlier rows: {base[:2]} -> {changed[:2]}"


def test_causal_with_fewer_queries_aligns_to_the_end():
    # one query = the newest position (decoding with a KV cache): it sees every key
    got = scaled_dot_product_attention([[1.0, 1.0]], K, V, causal=True)
    full = scaled_dot_product_attention([[1.0, 1.0]], K, V)
    assert close(got, full), f"the last query must see all keys: expected {full}, got {got}"
    two = scaled_dot_product_attention(Q[1:], K, V, causal=True)
    assert close(two, [[2.3395, 3.3395], [3.5105, 4.5105]]), f"queries at positions 1 and 2: got {two}"


def test_rectangular_shapes_and_single_key():
    got = scaled_dot_product_attention([[0.0, 0.0]], K, [[1.0], [2.0], [6.0]])
    assert close(got, [[3.0]]), f"a zero query weights all keys equally: expected [[3.0]], got {got}"
    one = scaled_dot_product_attention(Q, [[5.0, -5.0]], [[7.0, 8.0, 9.0]])
    assert close(one, [[7.0, 8.0, 9.0]] * 3), f"one key: every row is that value row, got {one}"


def test_large_scores_are_stable():
    try:
        got = scaled_dot_product_attention([[1000.0]], [[1000.0], [0.0]], [[1.0], [2.0]])
    except OverflowError:
        raise AssertionError("exp overflowed: subtract the row max before exp") from None
    assert close(got, [[1.0]]), f"expected [[1.0]], got {got}"


def test_sdpa_bad_shapes_raise_value_error():
    cases = {
        "empty q": lambda: scaled_dot_product_attention([], K, V),
        "q and k widths differ": lambda: scaled_dot_product_attention([[1.0, 0.0, 0.0]], K, V),
        "k and v lengths differ": lambda: scaled_dot_product_attention(Q, K, V[:2]),
        "ragged k": lambda: scaled_dot_product_attention(Q, [[1.0, 0.0], [1.0], [0.0, 1.0]], V),
        "ragged v": lambda: scaled_dot_product_attention(Q, K, [[1.0, 2.0], [3.0], [5.0, 6.0]]),
        "causal with n_q > n_k": lambda: scaled_dot_product_attention(Q, K[:2], V[:2], causal=True),
    }
    for name, call in cases.items():
        assert raises_value_error(call), f"{name} should raise ValueError"


def test_mha_one_head_identity_weights_is_plain_attention():
    x = [[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]]
    got = multi_head_attention(x, I2, I2, I2, I2, num_heads=1, causal=False)
    expected = scaled_dot_product_attention(x, x, x)
    assert close(got, expected), f"one head, identity weights: expected {expected}, got {got}"


def test_mha_two_heads_split_the_columns():
    x = [[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]]
    got = multi_head_attention(x, I2, I2, I2, I2, num_heads=2)  # causal by default
    expected = [[1.0, 0.0], [0.5, 0.7311], [0.8446, 0.8446]]
    assert close(got, expected), f"two causal heads of width 1: expected {expected}, got {got}"


def test_mha_projections_are_used():
    x = [[1.0, 2.0], [3.0, -1.0]]
    swap = [[0.0, 1.0], [1.0, 0.0]]
    w_o = [[2.0, 0.0], [0.0, 3.0]]
    got = multi_head_attention(x, I2, I2, swap, w_o, num_heads=1, causal=True)
    # row 0 sees only itself: v0 = x0 @ swap = [2, 1], then @ w_o = [4, 3]
    assert close(got[:1], [[4.0, 3.0]]), f"W_v and W_o must be applied: expected row 0 = [4.0, 3.0], got {got[:1]}"
    heads2 = multi_head_attention(x, I2, I2, swap, w_o, num_heads=2, causal=True)
    assert close(heads2[:1], [[4.0, 3.0]]), f"two heads: expected row 0 = [4.0, 3.0], got {heads2[:1]}"


def test_mha_heads_own_contiguous_columns_and_each_weight_is_used():
    # d_model = 4, two heads of width 2: head 0 owns columns 0-1, head 1 owns columns 2-3 of Q, K and V
    x = [[1.0, 0.0, 2.0, -1.0], [0.5, 1.0, -1.0, 0.0], [0.0, -0.5, 1.0, 1.0]]
    w_q = [[1.0, 0.0, 0.5, 0.0], [0.0, 1.0, 0.0, -0.5], [0.5, 0.0, 1.0, 0.0], [0.0, 0.5, 0.0, 1.0]]
    w_k = [[0.0, 1.0, 0.0, 0.5], [1.0, 0.0, -0.5, 0.0], [0.0, 0.5, 1.0, 0.0], [0.5, 0.0, 0.0, 1.0]]
    w_v = [[1.0, 2.0, 0.0, 0.0], [0.0, 1.0, 0.0, 1.0], [0.0, 0.0, 3.0, 0.0], [1.0, 0.0, 0.0, -1.0]]
    w_o = [[1.0, 0.0, 0.0, 1.0], [0.0, 2.0, 0.0, 0.0], [0.0, 0.0, 1.0, 0.0], [1.0, 0.0, -1.0, 0.0]]
    got = multi_head_attention(x, w_q, w_k, w_v, w_o, num_heads=2, causal=False)
    expected = [[1.347, 3.1934, 4.948, 0.5573], [0.9716, 2.9108, -1.5761, 0.2943], [-0.1144, 2.4672, 4.2371, 0.5248]]
    assert close(got, expected), (
        f"two heads over contiguous column blocks, Q = x W_q and K = x W_k: expected {expected}, got {got}"
    )


def test_mha_bad_arguments_raise_value_error():
    x = [[1.0, 0.0, 0.0], [0.0, 1.0, 0.0]]
    eye3 = [[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]]
    cases = {
        "num_heads does not divide d_model": lambda: multi_head_attention(x, eye3, eye3, eye3, eye3, num_heads=2),
        "num_heads = 0": lambda: multi_head_attention(x, eye3, eye3, eye3, eye3, num_heads=0),
        "weight of the wrong shape": lambda: multi_head_attention(x, I2, eye3, eye3, eye3, num_heads=1),
    }
    for name, call in cases.items():
        assert raises_value_error(call), f"{name} should raise ValueError"
