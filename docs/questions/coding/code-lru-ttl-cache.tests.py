"""Tests for code-lru-ttl-cache: written against the spec on the page, not against the reference solution."""
from solution import LRUTTLCache, make_key


class FakeClock:
    def __init__(self, t: float = 0.0) -> None:
        self.t = t

    def __call__(self) -> float:
        return self.t


MSGS = [{"role": "user", "content": "你好"}]


def test_hit_and_miss():
    cache = LRUTTLCache(max_size=2, ttl=10, clock=FakeClock())
    cache.set("a", "A")
    assert cache.get("a") == "A", "a value just set should be a hit"
    assert cache.get("zz") is None and cache.get("zz", "-") == "-", "a miss returns the default"


def test_evicts_least_recently_used_not_oldest():
    cache = LRUTTLCache(max_size=2, ttl=10, clock=FakeClock())
    cache.set("a", 1)
    cache.set("b", 2)
    cache.get("a")            # a is now the most recently used
    cache.set("c", 3)         # evicts b, not a
    assert cache.get("b") is None, "b was least recently used and should have been evicted"
    assert cache.get("a") == 1 and cache.get("c") == 3, "a (recently read) and c (new) stay"


def test_set_existing_key_updates_and_refreshes_recency():
    cache = LRUTTLCache(max_size=2, ttl=10, clock=FakeClock())
    cache.set("a", 1)
    cache.set("b", 2)
    cache.set("a", 10)        # update: a becomes most recent, size stays 2
    cache.set("c", 3)
    assert cache.get("a") == 10, "updated value should be returned"
    assert cache.get("b") is None, "b should be evicted after a was re-set"
    assert len(cache) == 2, f"expected 2 entries, got {len(cache)}"


def test_entry_expires_at_ttl():
    clock = FakeClock()
    cache = LRUTTLCache(max_size=5, ttl=10, clock=clock)
    cache.set("a", 1)
    clock.t = 9.999
    assert cache.get("a") == 1, "still live just before ttl"
    clock.t = 10.0
    assert cache.get("a") is None, "an entry is expired once ttl seconds have passed (now >= set_time + ttl)"


def test_get_does_not_extend_ttl():
    clock = FakeClock()
    cache = LRUTTLCache(max_size=5, ttl=10, clock=clock)
    cache.set("a", 1)
    for t in (3, 6, 9):
        clock.t = t
        assert cache.get("a") == 1
    clock.t = 11
    assert cache.get("a") is None, "reads refresh recency, not the TTL: a hot entry must still expire"


def test_set_restarts_ttl():
    clock = FakeClock()
    cache = LRUTTLCache(max_size=5, ttl=10, clock=clock)
    cache.set("a", 1)
    clock.t = 8
    cache.set("a", 2)
    clock.t = 15
    assert cache.get("a") == 2, "re-setting a key starts a new TTL (live until 18)"


def test_len_counts_live_entries_only():
    clock = FakeClock()
    cache = LRUTTLCache(max_size=5, ttl=10, clock=clock)
    cache.set("a", 1)
    clock.t = 5
    cache.set("b", 2)
    clock.t = 12
    assert len(cache) == 1, f"a expired at 10, b lives until 15: expected 1, got {len(cache)}"


def test_cached_none_is_a_hit():
    cache = LRUTTLCache(max_size=2, ttl=10, clock=FakeClock())
    cache.set("k", None)
    assert cache.get("k", "MISS") is None, "a stored None is a hit, not a miss"


def test_bad_arguments_raise_value_error():
    for kwargs in ({"max_size": 0, "ttl": 10}, {"max_size": 2, "ttl": 0}, {"max_size": 2, "ttl": -1}):
        try:
            LRUTTLCache(clock=FakeClock(), **kwargs)
        except ValueError:
            continue
        raise AssertionError(f"LRUTTLCache({kwargs}) should raise ValueError")


def test_key_ignores_param_and_dict_key_order():
    k1 = make_key("gpt-x", [{"role": "user", "content": "hi"}], temperature=0, max_tokens=100)
    k2 = make_key("gpt-x", [{"content": "hi", "role": "user"}], max_tokens=100, temperature=0)
    assert k1 == k2, "the same request with keys in another order must give the same key"
    assert len(k1) == 64 and all(c in "0123456789abcdef" for c in k1), f"expected a SHA-256 hex digest, got {k1!r}"


def test_key_changes_with_model_messages_and_params():
    base = make_key("gpt-x", MSGS, temperature=0)
    others = [make_key("gpt-y", MSGS, temperature=0),
              make_key("gpt-x", MSGS + [{"role": "user", "content": "再见"}], temperature=0),
              make_key("gpt-x", MSGS, temperature=0.7),
              make_key("gpt-x", MSGS)]
    for i, other in enumerate(others):
        assert other != base, f"variant {i} (model / messages / params differ) must give a different key"
    swapped = make_key("gpt-x", [{"role": "user", "content": "b"}, {"role": "user", "content": "a"}])
    assert swapped != make_key("gpt-x", [{"role": "user", "content": "a"}, {"role": "user", "content": "b"}]), \
        "message order matters"


def test_key_rejects_values_json_cannot_encode():
    for bad in ({"seed": object()}, {"temperature": float("nan")}):
        try:
            make_key("gpt-x", MSGS, **bad)
        except (TypeError, ValueError):
            continue
        raise AssertionError(f"make_key with {bad} should raise TypeError/ValueError, not hash a repr")


def test_updating_a_key_in_a_full_cache_evicts_nothing():
    cache = LRUTTLCache(max_size=2, ttl=10, clock=FakeClock())
    cache.set("a", 1)
    cache.set("b", 2)
    cache.set("b", 20)        # the key is already there: the cache does not grow, nothing must go
    assert cache.get("a") == 1, "overwriting an existing key in a full cache must not evict another entry"
    assert cache.get("b") == 20 and len(cache) == 2, f"expected b=20 and 2 entries, got {cache.get('b')}, {len(cache)}"


def test_key_matches_the_example():
    got = make_key("gpt-x", [{"role": "user", "content": "hi"}], temperature=0)
    want = "efa86ca3b51fabdc63b4898d6d3e851c98c66e97437a94ee855d2d90e64088f3"
    assert got == want, ("SHA-256 of the canonical JSON of {model, messages, params} "
                         "(sorted keys, separators ',' and ':', UTF-8): "
                         f"expected {want}, got {got}")
