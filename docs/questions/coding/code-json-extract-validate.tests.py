"""Tests for code-json-extract-validate: written against the spec on the page, not against the reference solution."""
from solution import NoJSONFound, extract_json, parse_and_validate, validate

PERSON = {
    "type": "object",
    "required": ["name", "age", "tags"],
    "properties": {
        "name": {"type": "string"},
        "age": {"type": "integer"},
        "status": {"enum": ["open", "closed"]},
        "tags": {"type": "array", "items": {"type": "string"}},
    },
}

CHATTY = '''好的，结果如下：
```json
{"name": "李雷 {同学}", "age": "18", "status": "pending", "tags": ["a", 2]}
```
如有问题请告诉我 {:}'''


def test_plain_json_passes():
    value, errors = parse_and_validate('{"name": "Ann", "age": 30, "tags": []}', PERSON)
    assert value == {"name": "Ann", "age": 30, "tags": []}, f"got {value!r}"
    assert errors == [], f"expected no errors, got {errors!r}"


def test_fenced_block_with_prose_collects_every_error():
    value, errors = parse_and_validate(CHATTY, PERSON)
    assert value is not None and value.get("name") == "李雷 {同学}", f"braces inside a string must survive, got {value!r}"
    expected = [
        "$.age: expected integer, got string",
        '$.status: "pending" is not one of ["open", "closed"]',
        "$.tags[1]: expected string, got integer",
    ]
    assert errors == expected, f"expected {expected!r}, got {errors!r}"


def test_braces_inside_strings_and_trailing_json():
    got = extract_json('Sure! {"a": "}"} and also {"b": 2}')
    assert got == {"a": "}"}, f"expected the first complete object {{'a': '}}'}}, got {got!r}"


def test_skips_non_json_braces_before_the_json():
    text = "Use {name} as a placeholder.\n```python\nd = {'a': 1}\n```\nAnswer: [1, 2, {\"x\": null}]"
    got = extract_json(text)
    assert got == [1, 2, {"x": None}], f"got {got!r}"


def test_json_fence_wins_over_prose_and_other_language_fences():
    text = '参见 [1]。输入示例：\n```text\n{"q": "天气"}\n```\n输出：\n```json\n{"a": 1}\n```\n'
    got = extract_json(text)
    assert got == {"a": 1}, (
        "a ```json fence is taken before the left-to-right scan, and a ```text fence does not count as a JSON fence; "
        f"expected {{'a': 1}}, got {got!r}")


def test_unclosed_fence_still_extracts():
    got = extract_json('```json\n{"ok": true}\n')
    assert got == {"ok": True}, f"a truncated fence should still yield the object, got {got!r}"


def test_no_json_raises_and_is_retry_ready():
    try:
        extract_json("I cannot help with that {request}.")
    except NoJSONFound as error:
        assert isinstance(error, ValueError), "NoJSONFound should subclass ValueError"
    else:
        raise AssertionError("extract_json should raise NoJSONFound when there is no JSON object or array")
    value, errors = parse_and_validate("no json here", PERSON)
    assert value is None and errors == ["$: no JSON object or array found in the output"], f"got {(value, errors)!r}"


def test_booleans_are_not_integers_but_integral_floats_are():
    got = validate(True, {"type": "integer"})
    assert got == ["$: expected integer, got boolean"], f"True is a boolean, not an integer; got {got!r}"
    got = validate(False, {"type": "number"})
    assert got == ["$: expected number, got boolean"], f"False is a boolean, not a number; got {got!r}"
    got = validate(1.0, {"type": "integer"})
    assert got == [], f"1.0 is an integer in JSON Schema; got {got!r}"
    got = validate(1.5, {"type": "integer"})
    assert got == ["$: expected integer, got number"], f"1.5 is not an integer; got {got!r}"


def test_enum_compares_json_values_not_python_equality():
    got = validate(True, {"enum": [1, "yes"]})
    assert got == ['$: true is not one of [1, "yes"]'], f"True must not equal 1 in an enum, got {got!r}"
    assert validate(2.0, {"enum": [2]}) == [], "2.0 and 2 are the same JSON number"


def test_missing_required_and_nested_paths():
    schema = {
        "type": "object",
        "required": ["order_id", "items"],
        "properties": {"items": {"type": "array", "items": {
            "type": "object", "required": ["sku", "qty"], "properties": {"qty": {"type": "integer"}}}}},
    }
    got = validate({"items": [{"sku": "a", "qty": 1}, {"qty": "2"}]}, schema)
    expected = ["$: missing required property 'order_id'", "$.items[1]: missing required property 'sku'",
                "$.items[1].qty: expected integer, got string"]
    assert got == expected, f"expected {expected!r}, got {got!r}"
    got = validate({}, PERSON)
    expected = [f"$: missing required property '{key}'" for key in ("name", "age", "tags")]
    assert got == expected, f"missing properties are reported in the order of 'required'; expected {expected!r}, got {got!r}"


def test_type_list_and_extra_properties():
    schema = {"type": "object", "properties": {"note": {"type": ["string", "null"]}}}
    assert validate({"note": None, "extra": 1}, schema) == [], "null is allowed and unknown properties are allowed"
    got = validate({"note": 3}, schema)
    assert got == ["$.note: expected string or null, got integer"], f"got {got!r}"


def test_unsupported_keyword_or_type_raises_but_annotations_are_ignored():
    for schema, what in [({"type": "integer", "minimum": 0}, "a keyword outside the subset (minimum)"),
                         ({"type": "int"}, "an unknown type name ('int')")]:
        try:
            validate(5, schema)
        except ValueError:
            continue
        raise AssertionError(f"{what} should raise ValueError, not be ignored")
    annotated = {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": "Qty", "description": "how many",
                 "default": 1, "examples": [2], "type": "integer"}
    got = validate(5, annotated)
    assert got == [], f"title/description/default/examples/$schema are annotations and must be ignored; got {got!r}"


def test_type_mismatch_reports_one_error_per_location():
    got = validate("x", PERSON)
    assert got == ["$: expected object, got string"], f"got {got!r}"
    got = validate("x", {"type": "integer", "enum": [1, 2]})
    assert got == ["$: expected integer, got string"], f"after a type error the other keywords (enum) are not checked; got {got!r}"


def test_nan_and_infinity_are_not_json():
    try:
        got = extract_json('{"score": NaN}')
    except NoJSONFound:
        return
    raise AssertionError(f"NaN is not valid JSON (Python's json accepts it by default); expected NoJSONFound, got {got!r}")
