"""Records: frozen dataclasses for findings, rule specs, options and config, with pydantic only
where untrusted data does not already have the declared types.

Building pydantic models was a third of a grammar-off cold start (importing pydantic and building
about forty model classes, docs/ci.md), and factlint's own data (the built-in packs, the defaults,
findings) needs no validation on every run: the test suite validates it. So records are plain
dataclasses, cheap to define and to build. A record offers the few model methods factlint uses,
named as pydantic names them:

- ``build(data)``: factlint's own data (built-in packs), converted, not checked;
- ``load(data)``: data that must already have the declared types (a cache entry; a user's file
  at first): keys, types and literals checked, anything else raises ValueError or TypeError;
- ``model_validate(data)``: a user's data: ``load``, and if that refuses it, pydantic's
  TypeAdapter over the dataclass (imported only then), which converts what its lax mode
  converts or raises :class:`RecordError` with its key-by-key errors;
- ``model_copy(update=...)``, ``model_dump(mode="json")``, ``model_dump_json()``;
- ``model_json_schema()``: the JSON schema, with each field's ``description`` and bounds.

A field declared with ``field(metadata={"exclude": True})`` stays out of dumps and schemas.
Checks that pydantic expressed as constraints and validators live in ``__post_init__`` (raising
``ValueError``, or :class:`FieldError` to name the key), so that they hold on every path.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from enum import Enum
from typing import Any, TypeVar

R = TypeVar("R", bound="Record")
# pydantic's config for a record a user writes: unknown keys are errors.
FORBID_EXTRA: dict[str, Any] = {"extra": "forbid"}

_RECORDS: dict[str, type[Record]] = {}


class RecordError(ValueError):
    """Untrusted data that does not fit a record: pydantic's errors, as ``errors()`` gives them."""

    def __init__(self, errors: list[dict[str, Any]]) -> None:
        super().__init__(errors[0]["msg"] if errors else "invalid")
        self._errors = errors

    def errors(self) -> list[dict[str, Any]]:
        return self._errors


class FieldError(ValueError):
    """A check in ``__post_init__`` that failed on one field: validation errors name the field."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


def describe(description: str, *, minimum: float | None = None, above: float | None = None,
             maximum: float | None = None, non_empty: bool = False, **kwargs: Any) -> Any:
    """A dataclass field with a description (shown by ``factlint explain`` and in schemas) and
    the bounds :func:`check_bounds` holds it to: a number's, or a list or table's ``non_empty``."""
    bounds = {k: v for k, v in (("minimum", minimum), ("above", above), ("maximum", maximum),
                                ("non_empty", non_empty or None)) if v is not None}
    return dataclasses.field(metadata={"description": description, **bounds}, **kwargs)


def check_bounds(record: Any) -> None:
    """Raise FieldError for the first field outside the bounds its ``describe`` gave."""
    for field in dataclasses.fields(record):
        value = getattr(record, field.name)
        meta = field.metadata
        if meta.get("non_empty") and not value:
            raise FieldError(field.name, "must have at least one entry")
        if "minimum" in meta and value < meta["minimum"]:
            raise FieldError(field.name, f"must be at least {meta['minimum']}")
        if "above" in meta and value <= meta["above"]:
            raise FieldError(field.name, f"must be greater than {meta['above']}")
        if "maximum" in meta and value > meta["maximum"]:
            raise FieldError(field.name, f"must be at most {meta['maximum']}")


class Record:
    """Base of factlint's dataclasses (subclasses are decorated with ``@dataclass(frozen=True)``)."""

    __slots__ = ()

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        _RECORDS[cls.__name__] = cls

    @classmethod
    def model_validate(cls: type[R], data: Any) -> R:
        """Untrusted data, validated. Data that already has the declared types (nearly every
        config and pack) is read by a plain check of types, literals and keys, which accepts
        nothing pydantic would refuse; anything else goes to pydantic, which converts what its
        lax mode converts or reports, key by key, why not."""
        try:
            return cls.load(data)
        except (ValueError, TypeError):
            pass
        from pydantic import ValidationError

        try:
            return _adapter(cls).validate_python(data)  # type: ignore[no-any-return]
        except ValidationError as exc:
            raise RecordError(_errors(exc, cls)) from None

    @classmethod
    def build(cls: type[R], data: dict[str, Any]) -> R:
        """A record from factlint's own data (a built-in pack, internal settings), which the
        tests validate: nested records, enums and tuples are converted, nothing is checked
        beyond ``__post_init__``."""
        hints = _hints(cls)
        return cls(**{key: _convert(hints[key], value) if key in hints else value
                      for key, value in data.items()})

    @classmethod
    def load(cls: type[R], data: dict[str, Any]) -> R:
        """A record from data that must already have the declared types (a cache entry factlint
        wrote; a config or pack, before pydantic is asked): converted as ``build`` does, with
        every key and value checked, so that anything else raises ValueError or TypeError."""
        hints, names = _hints(cls), _names(cls)
        if not isinstance(data, dict) or not set(data) <= set(names):
            raise ValueError("not a record of this kind")
        values = {names[key]: _convert(hints[names[key]], value, strict=True)
                  for key, value in data.items()}
        if len(values) != len(data):  # a key given both as written and in kebab-case
            raise ValueError("a key given twice")
        return cls(**values)

    @classmethod
    def model_json_schema(cls) -> dict[str, Any]:
        schema: dict[str, Any] = _adapter(cls).json_schema()
        _describe(schema, cls)
        for name, definition in schema.get("$defs", {}).items():
            if name in _RECORDS:
                _describe(definition, _RECORDS[name])
        return schema

    def model_copy(self: R, *, update: dict[str, Any]) -> R:
        return dataclasses.replace(self, **update)  # type: ignore[type-var]

    def model_dump(self, mode: str = "json") -> dict[str, Any]:
        """The record as JSON data (enums as their values, tuples as lists, no excluded field)."""
        return _dump(self)  # type: ignore[no-any-return]

    def model_dump_json(self, indent: int | None = None) -> str:
        return json.dumps(self.model_dump(), indent=indent, ensure_ascii=False)


def _dump(value: Any) -> Any:
    if isinstance(value, Record):
        return {f.name: _dump(getattr(value, f.name))
                for f in dataclasses.fields(value)  # type: ignore[arg-type]
                if not f.metadata.get("exclude")}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, (list, tuple)):
        return [_dump(v) for v in value]
    if isinstance(value, dict):
        return {k: _dump(v) for k, v in value.items()}
    return value


_HINTS: dict[type, dict[str, Any]] = {}
_ADAPTERS: dict[type, Any] = {}
_NAMES: dict[type, dict[str, str]] = {}


def _hints(cls: type) -> dict[str, Any]:
    if cls not in _HINTS:
        hints = typing.get_type_hints(cls)
        _HINTS[cls] = {f.name: hints[f.name] for f in dataclasses.fields(cls)}
    return _HINTS[cls]


def _names(cls: type) -> dict[str, str]:
    """The keys a user may write for each field: its name and its alias (kebab-case)."""
    if cls not in _NAMES:
        _NAMES[cls] = {key: name for name in _hints(cls) for key in (name, _alias(cls, name))}
    return _NAMES[cls]


def _convert(hint: Any, value: Any, strict: bool = False) -> Any:
    """``value`` as the type ``hint`` declares; ``strict``: a value of another type raises
    ValueError (``build`` leaves such values to the tests)."""
    if hint is Any:
        return value
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        if value is None and type(None) in args:
            return None
        options = [a for a in args if a is not type(None)]
        if len(options) == 1:
            return _convert(options[0], value, strict)
        if strict:  # which of several types: left to pydantic
            raise ValueError(f"{value!r}: a union of several types")
        return value
    if origin is typing.Literal:
        if strict and not any(value == a and type(value) is type(a) for a in args):
            raise ValueError(f"{value!r} is none of {args}")
        return value
    if isinstance(hint, type):
        if issubclass(hint, Record) and isinstance(value, dict):
            return hint.load(value) if strict else hint.build(value)
        if issubclass(hint, Enum) and not isinstance(value, hint):
            return hint(value)  # ValueError when it is none of the enum's values
        if strict and not _is_a(value, hint):
            raise ValueError(f"{value!r} is not a {hint.__name__}")
        return float(value) if hint is float and strict else value
    if origin in (tuple, list) and isinstance(value, (list, tuple)):
        items = [_convert(args[0], v, strict) for v in value] if args else list(value)
        return tuple(items) if origin is tuple else items
    if origin is dict and isinstance(value, dict) and len(args) == 2:
        if strict and not all(isinstance(k, str) for k in value):
            raise ValueError("a key that is not a string")
        return {k: _convert(args[1], v, strict) for k, v in value.items()}
    if strict:
        raise ValueError(f"{value!r} is not a {getattr(origin, '__name__', hint)}")
    return value


def _is_a(value: Any, hint: type) -> bool:
    if hint is float:
        return type(value) in (int, float)
    if hint is int:
        return type(value) is int  # not a bool
    return isinstance(value, hint)


def _adapter(cls: type) -> Any:
    if cls not in _ADAPTERS:
        from pydantic import TypeAdapter

        _ADAPTERS[cls] = TypeAdapter(cls)
    return _ADAPTERS[cls]


def _errors(exc: Any, cls: type) -> list[dict[str, Any]]:
    """pydantic's errors, with a check's ``ValueError`` message given without its prefix, at the
    field a :class:`FieldError` names."""
    errors = []
    for error in exc.errors():
        error = dict(error)
        if error["type"] == "value_error":
            error["msg"] = str(error["msg"]).removeprefix("Value error, ")
            cause = error.get("ctx", {}).get("error")
            if isinstance(cause, FieldError):
                error["loc"] = (*error["loc"], _field_alias(cls, error["loc"], cause.field))
        if error["type"] in ("unexpected_keyword_argument", "extra_forbidden"):
            error["type"] = "extra_forbidden"
            error["msg"] = "unknown key" + _did_you_mean(_owner(cls, error["loc"][:-1]),
                                                         str(error["loc"][-1]))
        errors.append(error)
    return errors


def _did_you_mean(owner: type | None, key: str) -> str:
    """" (did you mean 'min_words'?)" for a key close to one the record has."""
    if owner is None:
        return ""
    import difflib

    written = {name.replace("_", "-"): _alias(owner, name) for name in _hints(owner)}
    close = difflib.get_close_matches(key.replace("_", "-"), sorted(written), n=1, cutoff=0.75)
    return f" (did you mean {written[close[0]]!r}?)" if close else ""


def _owner(cls: type, loc: tuple[Any, ...]) -> type | None:
    """The record class found at ``loc`` inside ``cls`` (None past a list or a table)."""
    owner: Any = cls
    for part in loc:
        if not (isinstance(part, str) and isinstance(owner, type)
                and dataclasses.is_dataclass(owner)):
            return None
        owner = _hints(owner).get(_names(owner).get(part, part))
    return owner if isinstance(owner, type) and dataclasses.is_dataclass(owner) else None


def _describe(schema: dict[str, Any], cls: type[Record]) -> None:
    """Descriptions from field metadata; excluded fields out of the schema."""
    properties = schema.get("properties", {})
    for field in dataclasses.fields(cls):  # type: ignore[arg-type]
        key = _alias(cls, field.name) if _alias(cls, field.name) in properties else field.name
        if field.metadata.get("exclude"):
            properties.pop(key, None)
            if key in schema.get("required", []):
                schema["required"].remove(key)
        elif key in properties:
            meta = field.metadata
            if "description" in meta:
                properties[key]["description"] = meta["description"]
            for bound, name in (("minimum", "minimum"), ("above", "exclusiveMinimum"),
                                ("maximum", "maximum")):
                if bound in meta:
                    properties[key][name] = meta[bound]
            if meta.get("non_empty"):
                array = properties[key].get("type") == "array"
                properties[key]["minItems" if array else "minProperties"] = 1
            if field.default_factory is not dataclasses.MISSING:
                properties[key]["default"] = _dump(field.default_factory())


def _field_alias(cls: type, loc: tuple[Any, ...], name: str) -> str:
    """The key a user writes for field ``name`` of the record found at ``loc`` inside ``cls``."""
    owner = _owner(cls, loc)
    return _alias(owner, name) if owner is not None else name


def _alias(cls: type, name: str) -> str:
    generator = getattr(cls, "__pydantic_config__", {}).get("alias_generator")
    return str(generator(name)) if generator else name
