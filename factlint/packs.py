"""Load rule packs (built-in rules/ and user folders) into validated RuleSpecs.

Errors name the file, the line (from the YAML node marks) and the key path, e.g.
``rules/house.yaml:12: [3].options.prefer: Input should be 'majority', 'first' or 'listed'``.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from factlint.confine import ReadPolicy
from factlint.errors import FactlintError
from factlint.kinds import Options, kind_exists, kinds, load_kind
from factlint.records import RecordError
from factlint.spec import RuleSpec
from factlint.yamlpos import node_line, read_yaml

if TYPE_CHECKING:
    from factlint.config import Settings

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
SKIPPED_FOLDERS = {"data", "vocab"}


def builtin_rules_dir() -> Path:
    """rules/ shipped in the wheel as factlint/_rules, or the checkout's rules/ in development."""
    here = Path(__file__).resolve().parent
    shipped = here / "_rules"
    return shipped if shipped.is_dir() else here.parent / "rules"


def pack_files(folder: Path, reads: ReadPolicy | None = None) -> list[tuple[str, Path]]:
    """(pack name, file) for each pack in a folder: <pack>.yaml files and <pack>/ folders.
    With ``reads``, a file or folder linked from outside the repository root is refused."""
    found: list[tuple[str, Path]] = []
    if not folder.is_dir():
        raise FactlintError(f"{folder}: rule-pack folder does not exist")
    for entry in sorted(folder.iterdir()):
        if entry.is_file() and entry.suffix in (".yaml", ".yml"):
            found.append((entry.stem, entry))
        elif entry.is_dir() and entry.name not in SKIPPED_FOLDERS and not entry.name.startswith("."):
            found += [(entry.name, f) for f in sorted(entry.glob("*.y*ml"))]
    if reads is not None:
        for _, path in found:
            reads.confine(path, "rule pack")
    return found


@lru_cache(maxsize=16)
def load_folder(folder: str, reads: ReadPolicy | None = None) -> tuple[RuleSpec, ...]:
    """Every rule in a pack folder, validated (cached per folder for the process)."""
    specs: list[RuleSpec] = []
    trusted = _builtin_folder(folder)
    for pack, path in pack_files(Path(folder), reads):
        specs += load_pack_file(pack, path, trusted=trusted)
    return tuple(specs)


def is_builtin(spec: RuleSpec) -> bool:
    """Whether a rule comes from the packs shipped with factlint."""
    return _builtin_folder(spec.base_dir)


@lru_cache(maxsize=64)
def _builtin_folder(folder: str) -> bool:
    builtin = builtin_rules_dir().resolve()
    return builtin in (Path(folder).resolve(), *Path(folder).resolve().parents)


def load_pack_file(pack: str, path: Path, *, trusted: bool = False) -> list[RuleSpec]:
    """Read one pack file: a YAML list of rule entries, validated unless ``trusted`` (the
    built-in packs, which the tests validate: factlint's start does not pay for it)."""
    text, data = read_yaml(path, "rule pack")
    if data is None:
        return []
    if not isinstance(data, list):
        raise FactlintError(f"{path}:1: a pack must be a YAML list of rules")
    specs = []
    for index, entry in enumerate(data):
        if not isinstance(entry, dict):
            raise FactlintError(f"{path}:{_line(text, [index])}: [{index}]: a rule must be a mapping")
        fields = {**entry, "pack": pack, "base_dir": str(path.parent), "origin": str(path),
                  "index": index}
        try:
            spec = RuleSpec.build(fields) if trusted else RuleSpec.model_validate(fields)
        except RecordError as exc:
            raise FactlintError(_validation_message(path, text, [index], exc)) from None
        if not kind_exists(spec.kind):
            names = ", ".join(sorted(kinds()))
            raise FactlintError(
                f"{path}:{_line(text, [index, 'kind'])}: [{index}].kind: unknown kind "
                f"{spec.kind!r} (known: {names})"
            )
        specs.append(spec)
    return specs


def validate_options(spec: RuleSpec) -> Options:
    """A rule's options as its pack gives them, validated by its kind (imported only now, so a run
    loads the kinds of the rules it selects); errors name the pack file, line and key."""
    kind = load_kind(spec.kind)
    if is_builtin(spec):  # validated by the tests (tests/test_records.py)
        return kind.options_model.build(spec.options)
    try:
        return kind.options_model.model_validate(spec.options)
    except RecordError as exc:
        path = Path(spec.origin)
        text = path.read_text(encoding="utf-8") if path.is_file() else ""
        raise FactlintError(_validation_message(path, text, [spec.index, "options"], exc)) from None


def option_values(spec: RuleSpec, settings: Settings) -> dict[str, Any]:
    """A rule's option values: the config's ``[rules."id"]`` over its pack's."""
    return {**spec.options, **settings.config.rules.get(spec.id, {})}


def configured_options(spec: RuleSpec, settings: Settings) -> Options:
    """A rule's options with the config's over its pack's, validated (RecordError: the linter
    reports it with the config's name)."""
    if spec.id not in settings.config.rules:
        return validate_options(spec)
    return load_kind(spec.kind).options_model.model_validate(option_values(spec, settings))


def _validation_message(path: Path, text: str, prefix: list[Any], exc: RecordError) -> str:
    error = exc.errors()[0]
    loc = prefix + list(error["loc"])
    keys = "".join(f"[{k}]" if isinstance(k, int) else f".{k}" for k in loc).lstrip(".")
    return f"{path}:{_line(text, loc)}: {keys}: {error['msg']}"


def _line(text: str, loc: list[Any]) -> int:
    """The 1-based line of the YAML node at ``loc`` (or of its nearest existing parent)."""
    try:
        node = yaml.compose(text, Loader=_LOADER)
    except yaml.YAMLError:
        return 1
    return node_line(node, loc)
