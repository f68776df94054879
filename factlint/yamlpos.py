"""Reading YAML data files (packs, registries) with errors that name file:line:key."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

from factlint.confine import read_text
from factlint.errors import FactlintError

_BASE_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class Loader(_BASE_LOADER):  # type: ignore[misc,valid-type]
    """The safe loader, with a date that is no real date (2023-09-31) as a YAML error at its
    line instead of a ValueError from deep inside the constructor."""

    def construct_yaml_timestamp(self, node: Any) -> Any:
        try:
            return super().construct_yaml_timestamp(node)
        except (ValueError, OverflowError) as exc:
            raise yaml.constructor.ConstructorError(
                None, None, f"{node.value!r} is not a real date ({exc})", node.start_mark
            ) from None


Loader.add_constructor("tag:yaml.org,2002:timestamp", Loader.construct_yaml_timestamp)
LOADER = Loader


def read_yaml(path: Path, what: str) -> tuple[str, Any]:
    """A YAML file's text and data; unreadable or invalid YAML is one clear error line."""
    try:
        text = read_text(path, what)
        return text, yaml.load(text, Loader=LOADER)
    except (OSError, UnicodeDecodeError) as exc:
        raise FactlintError(f"{path}: cannot read {what}: {exc}") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise FactlintError(f"{path}{line}: invalid YAML: {problem}") from None


def node_line(node: Any, loc: Sequence[Any]) -> int:
    """The 1-based line of the node at ``loc`` (keys and indexes) under ``node``, or of its
    nearest existing parent when the key is missing."""
    line = 1
    for key in loc:
        if node is None:
            break
        line = node.start_mark.line + 1
        if isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
            node = node.value[key]
        elif isinstance(node, yaml.MappingNode):
            match = [(k, v) for k, v in node.value if k.value == key]
            if not match:
                break
            line = match[0][0].start_mark.line + 1
            node = match[0][1]
        else:
            break
    else:
        if node is not None:
            line = node.start_mark.line + 1
    return line
