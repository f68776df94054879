"""Configuration: [tool.factlint] in pyproject.toml or a .factlint.toml, found upward from each file.

Precedence: defaults < packs < nearest config file < command-line flags.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, get_args


from factlint.config_files import find_config  # noqa: F401 (engine and lsp import it here)
from factlint.confine import ReadPolicy, policy, read_text
from factlint.errors import FactlintError
from factlint.finding import Severity
from factlint.records import FORBID_EXTRA, Record, RecordError, check_bounds, describe

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

Dialect = Literal["auto", "en-GB", "en-US", "en-AU", "en-CA", "en-IN"]
DIALECTS: tuple[str, ...] = get_args(Dialect)
DEFAULT_INCLUDE = ["*.md", "*.markdown", "*.txt"]
# The newest LanguageTool on Maven Central whose classes run on Java 17 (class file 61). Here, not
# in engines/lt_install.py, so that reading the config does not import the install code.
LT_VERSION = "6.8"


def _kebab(name: str) -> str:
    return name.replace("_", "-")


# pydantic's config when a user's file is validated: kebab-case keys (snake_case accepted),
# unknown keys are errors.
KEBAB_TABLE = {**FORBID_EXTRA, "alias_generator": _kebab, "populate_by_name": True}


@dataclass(frozen=True, kw_only=True)
class HarperConfig(Record):
    """[grammar.harper]: Harper rule names (as in `harper` get_default_lint_config) to switch."""

    __pydantic_config__ = KEBAB_TABLE

    enable: list[str] = describe("Harper rules to turn on", default_factory=list)
    disable: list[str] = describe("Harper rules to turn off", default_factory=list)


@dataclass(frozen=True, kw_only=True)
class LanguageToolConfig(Record):
    """[grammar.languagetool]: a LanguageTool server (url) or the installed one factlint runs."""

    __pydantic_config__ = KEBAB_TABLE

    url: str | None = describe("LanguageTool server, e.g. http://localhost:8081", default=None)
    version: str = describe("Installed LanguageTool version to run", default=LT_VERSION)
    home: str | None = describe("LanguageTool folder (default: the install cache)", default=None)
    port: int = describe("Port of the local server (0: a free one)", default=0, minimum=0,
                         maximum=65535)
    java_options: list[str] = describe("e.g. ['-Xmx1g']", default_factory=list)
    enable: list[str] = describe("Rule ids to turn on", default_factory=list)
    disable: list[str] = describe("Rule ids to turn off", default_factory=list)
    enable_categories: list[str] = describe("Categories to turn on", default_factory=list)
    disable_categories: list[str] = describe("Categories off", default_factory=list)
    picky: bool = describe("LanguageTool's picky level (more style rules)", default=False)
    mother_tongue: str | None = describe("Writer's first language, e.g. de", default=None)
    timeout: float = describe("Seconds to wait for one check request", default=30.0, above=0)
    start_timeout: float = describe("Seconds to start a local server", default=120.0, above=0)

    def __post_init__(self) -> None:
        check_bounds(self)


@dataclass(frozen=True, kw_only=True)
class GrammarConfig(Record):
    """[grammar]: the grammar and spelling engine behind the grammar and spelling packs."""

    __pydantic_config__ = KEBAB_TABLE

    backend: Literal["harper", "languagetool", "none"] = describe("Engine", default="harper")
    check_quotes: bool = describe("Check grammar inside quoted speech", default=False)
    check_quotes_spelling: bool = describe("Check spelling inside quoted speech", default=True)
    harper: HarperConfig = field(default_factory=HarperConfig)
    languagetool: LanguageToolConfig = field(default_factory=LanguageToolConfig)


@dataclass(frozen=True, kw_only=True)
class LimitsConfig(Record):
    """[limits]: the most factlint reads or sends to an engine; past them, a finding says what was
    skipped instead of the run slowing to a halt or running out of memory (docs/limits.md)."""

    __pydantic_config__ = KEBAB_TABLE

    max_file_bytes: int = describe(
        "Largest file linted; larger ones get io/too-large", default=5_000_000, above=0
    )
    max_paragraph: int = describe(
        "Longest paragraph (characters) sent to the grammar engine", default=20_000, above=0
    )
    max_word: int = describe(
        "Longest word (characters) sent to the grammar engine", default=100, above=0
    )
    time_budget: float = describe(
        "Seconds per file; rules and paragraphs past it are skipped", default=60.0, minimum=0
    )

    def __post_init__(self) -> None:
        check_bounds(self)


@dataclass(frozen=True, kw_only=True)
class FileConfig(Record):
    """The keys of [tool.factlint] / .factlint.toml. Unknown keys are errors."""

    __pydantic_config__ = KEBAB_TABLE

    dialect: Dialect = describe("House dialect; auto = the document's majority", default="auto")
    select: list[str] | None = describe("Rule ids or packs to run (default: all)", default=None)
    extend_select: list[str] = describe("Added to select", default_factory=list)
    ignore: list[str] = describe("Rule ids or packs not to run", default_factory=list)
    severity: dict[str, Severity] = describe("Per-rule severity", default_factory=dict)
    rules: dict[str, dict[str, Any]] = describe("Per-rule options", default_factory=dict)
    packs: list[str] = describe("Extra rule-pack folders", default_factory=list)
    include: list[str] = field(default_factory=lambda: list(DEFAULT_INCLUDE))
    exclude: list[str] = describe("Globs of paths to skip", default_factory=list)
    extend_exclude: list[str] = describe("Added to exclude", default_factory=list)
    per_file_ignores: dict[str, list[str]] = describe(
        "Globs (relative to this file) to rule ids or packs to skip", default_factory=dict
    )
    cache_dir: str = describe("Result cache folder, relative to this file",
                              default=".factlint_cache")
    rule_docs_url: str | None = describe(
        "Your rule documentation, linked from reports (SARIF helpUri); {rule} is "
        "replaced by the rule id, e.g. https://wiki.example/factlint#{rule}", default=None
    )
    fail_on: Severity = describe("Lowest severity that fails the run", default=Severity.error)
    facts: list[str] = describe("House facts registry files", default_factory=list)
    vocab: list[str] = describe("Folders with vocab/accept.txt", default_factory=list)
    allow_outside: list[str] = describe(
        "Folders outside the repository root that may be read", default_factory=list
    )
    grammar: GrammarConfig = describe("Grammar engine", default_factory=GrammarConfig)
    limits: LimitsConfig = describe("Size and time limits", default_factory=LimitsConfig)


@dataclass(frozen=True, kw_only=True)
class Overrides(Record):
    """Command-line flags that override the config file (None = not given)."""

    dialect: Dialect | None = None
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: Severity | None = None
    exclude: tuple[str, ...] = ()
    as_of: str | None = None

    def __post_init__(self) -> None:
        if self.dialect is not None and self.dialect not in DIALECTS:
            raise ValueError(f"unknown dialect {self.dialect!r} (known: {', '.join(DIALECTS)})")


@dataclass(frozen=True, kw_only=True)
class Settings(Record):
    """The effective settings for one config file plus command-line overrides."""

    source: str  # the config file's path, or "<defaults>"
    root: str  # folder that relative paths in the config are taken from
    config: FileConfig
    dialect: Dialect
    fail_on: Severity
    as_of: str | None = None

    def resolve(self, path: str) -> Path:
        """A path from the config, relative to the config file's folder."""
        return (Path(self.root) / path).resolve()

    def read_policy(self, near: Path | None = None) -> ReadPolicy:
        """What may be read: the config's root, or with no config file the root of ``near``."""
        config_folder = Path(self.root) if self.source != "<defaults>" else None
        return policy(config_folder, near, tuple(self.config.allow_outside))

    def confined(self, path: str, key: str) -> Path:
        """A path the config names under ``key``, resolved; refused outside the root (exit 2)."""
        return self.read_policy().confine(Path(self.root) / path, f"{self.source}: {key}:")


def settings_from(config: FileConfig, source: str, root: str, overrides: Overrides) -> Settings:
    if (overrides.select is not None or overrides.extend_select or overrides.ignore
            or overrides.exclude or config.extend_exclude):
        select = list(overrides.select) if overrides.select is not None else config.select
        config = config.model_copy(
            update={
                "select": select,
                "extend_select": config.extend_select + list(overrides.extend_select),
                "ignore": config.ignore + list(overrides.ignore),
                "exclude": config.exclude + config.extend_exclude + list(overrides.exclude),
                "extend_exclude": [],
            }
        )
    return Settings(
        source=source,
        root=root,
        config=config,
        dialect=overrides.dialect or config.dialect,
        fail_on=overrides.fail_on or config.fail_on,
        as_of=overrides.as_of,
    )


def read_config_file(path: Path) -> FileConfig | None:
    """Parse and validate one config file; None when a pyproject.toml has no [tool.factlint]."""
    try:
        data = tomllib.loads(read_text(path, "config"))
    except OSError as exc:
        raise FactlintError(f"{path}: cannot read config: {exc.strerror or exc}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise FactlintError(f"{path}: invalid TOML: {exc}") from None
    prefix = ""
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("factlint")
        if data is None:
            return None
        prefix = "tool.factlint."
    try:
        return FileConfig.model_validate(data)
    except RecordError as exc:
        error = exc.errors()[0]
        key = prefix + ".".join(str(part) for part in error["loc"])
        raise FactlintError(f"{path}: {key}: {error['msg']}") from None
