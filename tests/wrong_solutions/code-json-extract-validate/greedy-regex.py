"""Wrong: extracts JSON with a greedy regex from the first opening bracket to the last closing one."""
import json
import re
from typing import Any

_FENCE = re.compile(r"```[ \t]*(?:json|JSON)?[ \t]*\n(.*?)```", re.S)
_TYPES = ("object", "array", "string", "integer", "number", "boolean", "null")
_KEYWORDS = {"type", "required", "properties", "enum", "items"}
_ANNOTATIONS = {"title", "description", "default", "examples", "$schema"}


class NoJSONFound(ValueError):
    """The text contains no JSON object or array."""


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not valid JSON")   # json accepts NaN/Infinity by default


def extract_json(text: str) -> Any:
    match = re.search(r"\{.*\}|\[.*\]", text, re.S)   # greedy: first opening to last closing bracket
    if match:
        try:
            return json.loads(match.group(0), parse_constant=_reject_constant)
        except ValueError:
            pass
    raise NoJSONFound("no JSON object or array found in the output")


def _type_of(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):                        # before int: bool is a subclass of int
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    if isinstance(value, dict):
        return "object"
    raise TypeError(f"not a JSON value: {type(value).__name__}")


def _is_type(value: Any, name: str) -> bool:
    actual = _type_of(value)
    if name == "number":
        return actual in ("integer", "number")
    if name == "integer" and actual == "number":
        return value.is_integer()                      # 1.0 is an integer in JSON Schema
    return actual == name


def _json_equal(a: Any, b: Any) -> bool:
    ta, tb = _type_of(a), _type_of(b)
    if {ta, tb} <= {"integer", "number"}:
        return a == b
    if ta != tb:
        return False                                   # so True != 1 and 0 != False
    if ta == "array":
        return len(a) == len(b) and all(_json_equal(x, y) for x, y in zip(a, b))
    if ta == "object":
        return a.keys() == b.keys() and all(_json_equal(a[k], b[k]) for k in a)
    return a == b


def _check_schema(schema: Any) -> None:
    if not isinstance(schema, dict):
        raise ValueError(f"schema must be a dict, got {type(schema).__name__}")
    unknown = set(schema) - _KEYWORDS - _ANNOTATIONS
    if unknown:
        raise ValueError(f"unsupported schema keyword(s): {sorted(unknown)}")
    types = schema.get("type")
    for name in [types] if isinstance(types, str) else types or []:
        if name not in _TYPES:
            raise ValueError(f"unknown type {name!r}")


def validate(instance: Any, schema: dict, path: str = "$") -> list[str]:
    _check_schema(schema)
    if "type" in schema:
        names = [schema["type"]] if isinstance(schema["type"], str) else schema["type"]
        if not any(_is_type(instance, n) for n in names):
            return [f"{path}: expected {' or '.join(names)}, got {_type_of(instance)}"]
    errors: list[str] = []
    if "enum" in schema and not any(_json_equal(instance, e) for e in schema["enum"]):
        allowed = ", ".join(json.dumps(e, ensure_ascii=False) for e in schema["enum"])
        errors.append(f"{path}: {json.dumps(instance, ensure_ascii=False)} is not one of [{allowed}]")
    if isinstance(instance, dict):
        for key in schema.get("required", []):
            if key not in instance:
                errors.append(f"{path}: missing required property {key!r}")
        for key, sub in schema.get("properties", {}).items():
            if key in instance:
                errors.extend(validate(instance[key], sub, f"{path}.{key}"))
    if isinstance(instance, list) and "items" in schema:
        for i, item in enumerate(instance):
            errors.extend(validate(item, schema["items"], f"{path}[{i}]"))
    return errors


def parse_and_validate(text: str, schema: dict) -> tuple[Any, list[str]]:
    _check_schema(schema)
    try:
        value = extract_json(text)
    except NoJSONFound as error:
        return None, [f"$: {error}"]
    return value, validate(value, schema)
