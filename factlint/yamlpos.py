"""Line numbers of YAML nodes, so errors in packs and registries name file:line:key."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import yaml


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
