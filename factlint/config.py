"""Configuration: [tool.factlint] in pyproject.toml or a .factlint.toml, found upward from each file.

Precedence: defaults < packs < nearest config file < command-line flags.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from factlint.config_files import find_config  # noqa: F401 (engine and lsp import it here)
from factlint.confine import ReadPolicy, policy, read_text
from factlint.errors import FactlintError
from factlint.finding import Severity

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

Dialect = Literal["auto", "en-GB", "en-US", "en-AU", "en-CA", "en-IN"]
DEFAULT_INCLUDE = ["*.md", "*.markdown", "*.txt"]
# The newest LanguageTool on Maven Central whose classes run on Java 17 (class file 61). Here, not
# in engines/lt_install.py, so that reading the config does not import the install code.
LT_VERSION = "6.8"


def _kebab(name: str) -> str:
    return name.replace("_", "-")


class _Table(BaseModel):
    """A nested config table: kebab-case keys (snake_case accepted), unknown keys are errors."""

    model_config = ConfigDict(
        extra="forbid", frozen=True, alias_generator=_kebab, populate_by_name=True
    )


class HarperConfig(_Table):
    """[grammar.harper]: Harper rule names (as in `harper` get_default_lint_config) to switch."""

    enable: list[str] = Field(default_factory=list, description="Harper rules to turn on")
    disable: list[str] = Field(default_factory=list, description="Harper rules to turn off")


class LanguageToolConfig(_Table):
    """[grammar.languagetool]: a LanguageTool server (url) or the installed one factlint runs."""

    url: str | None = Field(None, description="LanguageTool server, e.g. http://localhost:8081")
    version: str = Field(LT_VERSION, description="Installed LanguageTool version to run")
    home: str | None = Field(None, description="LanguageTool folder (default: the install cache)")
    port: int = Field(0, ge=0, le=65535, description="Port of the local server (0: a free one)")
    java_options: list[str] = Field(default_factory=list, description="e.g. ['-Xmx1g']")
    enable: list[str] = Field(default_factory=list, description="Rule ids to turn on")
    disable: list[str] = Field(default_factory=list, description="Rule ids to turn off")
    enable_categories: list[str] = Field(default_factory=list, description="Categories to turn on")
    disable_categories: list[str] = Field(default_factory=list, description="Categories off")
    picky: bool = Field(False, description="LanguageTool's picky level (more style rules)")
    mother_tongue: str | None = Field(None, description="Writer's first language, e.g. de")
    timeout: float = Field(30.0, gt=0, description="Seconds to wait for one check request")
    start_timeout: float = Field(120.0, gt=0, description="Seconds to start a local server")


class GrammarConfig(_Table):
    """[grammar]: the grammar and spelling engine behind the grammar and spelling packs."""

    backend: Literal["harper", "languagetool", "none"] = Field("harper", description="Engine")
    check_quotes: bool = Field(False, description="Check grammar inside quoted speech")
    check_quotes_spelling: bool = Field(True, description="Check spelling inside quoted speech")
    harper: HarperConfig = Field(default_factory=HarperConfig)
    languagetool: LanguageToolConfig = Field(default_factory=LanguageToolConfig)


class LimitsConfig(_Table):
    """[limits]: the most factlint reads or sends to an engine; past them, a finding says what was
    skipped instead of the run slowing to a halt or running out of memory (docs/limits.md)."""

    max_file_bytes: int = Field(
        5_000_000, gt=0, description="Largest file linted; larger ones get io/too-large"
    )
    max_paragraph: int = Field(
        20_000, gt=0, description="Longest paragraph (characters) sent to the grammar engine"
    )
    max_word: int = Field(
        100, gt=0, description="Longest word (characters) sent to the grammar engine"
    )
    time_budget: float = Field(
        60.0, ge=0, description="Seconds per file; rules and paragraphs past it are skipped"
    )


class FileConfig(BaseModel):
    """The keys of [tool.factlint] / .factlint.toml. Unknown keys are errors."""

    model_config = ConfigDict(
        extra="forbid", frozen=True, alias_generator=_kebab, populate_by_name=True
    )

    dialect: Dialect = Field("auto", description="House dialect; auto = the document's majority")
    select: list[str] | None = Field(None, description="Rule ids or packs to run (default: all)")
    extend_select: list[str] = Field(default_factory=list, description="Added to select")
    ignore: list[str] = Field(default_factory=list, description="Rule ids or packs not to run")
    severity: dict[str, Severity] = Field(default_factory=dict, description="Per-rule severity")
    rules: dict[str, dict[str, Any]] = Field(default_factory=dict, description="Per-rule options")
    packs: list[str] = Field(default_factory=list, description="Extra rule-pack folders")
    include: list[str] = Field(default_factory=lambda: list(DEFAULT_INCLUDE))
    exclude: list[str] = Field(default_factory=list, description="Globs of paths to skip")
    extend_exclude: list[str] = Field(default_factory=list, description="Added to exclude")
    per_file_ignores: dict[str, list[str]] = Field(
        default_factory=dict, description="Globs (relative to this file) to rule ids or packs to skip"
    )
    cache_dir: str = Field(".factlint_cache", description="Result cache folder, relative to this file")
    rule_docs_url: str | None = Field(
        None, description="Your rule documentation, linked from reports (SARIF helpUri); {rule} is "
        "replaced by the rule id, e.g. https://wiki.example/factlint#{rule}"
    )
    fail_on: Severity = Field(Severity.error, description="Lowest severity that fails the run")
    facts: list[str] = Field(default_factory=list, description="House facts registry files")
    vocab: list[str] = Field(default_factory=list, description="Folders with vocab/accept.txt")
    allow_outside: list[str] = Field(
        default_factory=list, description="Folders outside the repository root that may be read"
    )
    grammar: GrammarConfig = Field(default_factory=GrammarConfig, description="Grammar engine")
    limits: LimitsConfig = Field(default_factory=LimitsConfig, description="Size and time limits")


class Overrides(BaseModel):
    """Command-line flags that override the config file (None = not given)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    dialect: Dialect | None = None
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: Severity | None = None
    exclude: tuple[str, ...] = ()
    as_of: str | None = None


class Settings(BaseModel):
    """The effective settings for one config file plus command-line overrides."""

    model_config = ConfigDict(frozen=True)

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
    except ValidationError as exc:
        error = exc.errors()[0]
        key = prefix + ".".join(str(part) for part in error["loc"])
        message = "unknown key" if error["type"] == "extra_forbidden" else error["msg"]
        raise FactlintError(f"{path}: {key}: {message}") from None
