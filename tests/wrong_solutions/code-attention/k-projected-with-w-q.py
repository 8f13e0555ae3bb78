"""Wrong: copy-paste slip, K is projected with w_q, so the test with identity W_q and W_k cannot tell."""
import math

Matrix = list[list[float]]


def _shape(m: Matrix, name: str) -> tuple[int, int]:
    if not m or not m[0]:
        raise ValueError(f"{name} must be a non-empty matrix")
    cols = len(m[0])
    if any(len(row) != cols for row in m):
        raise ValueError(f"{name} is ragged: rows of different lengths")
    return len(m), cols


def _matmul(a: Matrix, b: Matrix) -> Matrix:
    return [[sum(x * y for x, y in zip(row, col)) for col in zip(*b)] for row in a]


def scaled_dot_product_attention(q: Matrix, k: Matrix, v: Matrix, causal: bool = False) -> Matrix:
    n_q, d_k = _shape(q, "q")
    n_k, d_k2 = _shape(k, "k")
    n_v, _ = _shape(v, "v")
    if d_k != d_k2:
        raise ValueError(f"q and k must have the same width, got {d_k} and {d_k2}")
    if n_v != n_k:
        raise ValueError(f"k and v must have the same number of rows, got {n_k} and {n_v}")
    if causal and n_q > n_k:
        raise ValueError("causal attention needs n_q <= n_k")
    scale = 1.0 / math.sqrt(d_k)
    offset = n_k - n_q  # query i sits at absolute position offset + i
    out = []
    for i, qi in enumerate(q):
        visible = offset + i + 1 if causal else n_k  # keys 0 .. offset + i
        scores = [sum(a * b for a, b in zip(qi, k[j])) * scale for j in range(visible)]
        m = max(scores)  # stable softmax over the visible keys only
        weights = [math.exp(s - m) for s in scores]
        total = sum(weights)
        out.append([sum(w * v[j][c] for j, w in enumerate(weights)) / total for c in range(len(v[0]))])
    return out


def multi_head_attention(
    x: Matrix,
    w_q: Matrix,
    w_k: Matrix,
    w_v: Matrix,
    w_o: Matrix,
    num_heads: int,
    causal: bool = True,
) -> Matrix:
    _, d_model = _shape(x, "x")
    for name, w in (("w_q", w_q), ("w_k", w_k), ("w_v", w_v), ("w_o", w_o)):
        if _shape(w, name) != (d_model, d_model):
            raise ValueError(f"{name} must be {d_model} x {d_model}")
    if num_heads < 1 or d_model % num_heads:
        raise ValueError(f"num_heads={num_heads} must be >= 1 and divide d_model={d_model}")
    d_head = d_model // num_heads
    q, k, v = _matmul(x, w_q), _matmul(x, w_q), _matmul(x, w_v)
    heads = []
    for h in range(num_heads):  # head h owns columns h*d_head .. (h+1)*d_head - 1
        cols = slice(h * d_head, (h + 1) * d_head)
        heads.append(scaled_dot_product_attention(
            [row[cols] for row in q], [row[cols] for row in k], [row[cols] for row in v], causal))
    concat = [sum((head[i] for head in heads), []) for i in range(len(x))]
    return _matmul(concat, w_o)
