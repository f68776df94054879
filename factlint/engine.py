"""The engine: resolve rules for a config, read and lint documents, apply suppressions."""

from __future__ import annotations

import codecs
import os
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from fnmatch import translate as fnmatch_translate
from functools import lru_cache
from pathlib import Path
from typing import Any


from factlint import prebuild
from factlint.config import (
    FileConfig,
    Overrides,
    Settings,
    find_config,
    read_config_file,
    settings_from,
)
from factlint.confine import ReadPolicy, Refused, TooLarge, in_repository, read_regular, real
from factlint.document import Document, lf_line_ends
from factlint.errors import FactlintError
from factlint.finding import Finding, Severity, sort_key
from factlint.kinds import Kind, load_kind
from factlint.limits import Budget, Skip
from factlint.packs import (
    builtin_rules_dir,
    configured_options,
    load_folder,
    option_values,
    validate_options,
)
from factlint.perfile import ignored_for_path
from factlint.precedence import one_per_fault
from factlint.records import RecordError
from factlint.spec import RuleSpec
from factlint.groups import fold
from factlint.suppress import apply_suppressions, parse_suppressions

BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))


@dataclass
class Source:
    """A file's text as read, and how to write it back unchanged in form."""

    text: str
    encoding: str = "utf-8"
    bom: bytes = b""


@dataclass
class FileResult:
    """The outcome of linting one file."""

    path: str
    findings: list[Finding]
    source: Source | None = None  # None when the file could not be read
    fixed: int = 0
    fixed_text: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    lines: dict[int, str] | None = None  # the lines findings are on, once the text is dropped
    cached: bool = False  # the findings came from the result cache

    def finding_lines(self) -> dict[int, str]:
        """The text of each line a finding starts on (what the text report shows)."""
        if self.lines is not None:
            return self.lines
        if self.source is None:
            return {}
        text_lines = lf_line_ends(self.source.text).split("\n")
        return {f.line: text_lines[f.line - 1] for f in self.findings
                if 0 < f.line <= len(text_lines)}

    def compact(self) -> FileResult:
        """Keep only what reporters need once the file is linted and fixed: its findings and
        the lines they are on, not the whole text (memory flat in the number of files)."""
        self.lines = self.finding_lines()
        self.source = None
        self.fixed_text = None
        return self


def all_specs(settings: Settings | None = None) -> list[RuleSpec]:
    """Built-in rules plus the packs named in the config."""
    specs = list(load_folder(str(builtin_rules_dir())))
    if settings is not None:
        for folder in settings.config.packs:
            base = settings.confined(folder, "packs")
            specs += load_folder(str(base), settings.read_policy())
    return specs


# The kinds whose rules run the grammar engine (their classes set ``defers``; a test checks both).
ENGINE_KINDS = frozenset({"grammar", "unknown-word"})
# Whether a config's Harper dictionary may start building once the config selects Harper's rules.
HarperEarly = Callable[[Settings], bool]


class Linter:
    """The rules selected by one config, instantiated once and reused for every file."""

    def __init__(self, settings: Settings, harper_early: HarperEarly | None = None) -> None:
        """``harper_early``: when it says yes, Harper's dictionary starts building before the
        rules' modules are imported (prebuild.py), not at the first cache miss."""
        self.settings = settings
        specs = all_specs(settings)
        ids = {spec.id: spec for spec in specs}
        for spec in specs:
            for alias in spec.aliases:
                ids.setdefault(alias, spec)
        packs = {spec.pack for spec in specs}
        self._check_names(ids, packs)
        config = settings.config
        self.specs = [s for s in specs if self._enabled(s, config)]
        if harper_early is not None and self._selects_harper() and harper_early(settings):
            prebuild.start()  # while the rules' modules import and the first draft is linted
        rules: list[Kind[Any]] = []
        for spec in self.specs:
            options = validate_options(spec)  # the pack's own options: errors name the pack file
            overrides: dict[str, Any] = {}
            if spec.id in config.severity:
                overrides["severity"] = config.severity[spec.id]
            if spec.id in config.rules:  # the config's options over the pack's: errors name the config
                try:
                    options = configured_options(spec, settings)
                except RecordError as exc:
                    error = exc.errors()[0]
                    key = "".join(f".{part}" for part in error["loc"])
                    raise FactlintError(
                        f"{settings.source}: rules.{spec.id}{key}: {error['msg']}"
                    ) from None
                overrides["options"] = option_values(spec, settings)
            if overrides:
                spec = spec.model_copy(update=overrides)
            rules.append(load_kind(spec.kind)(spec, options, settings))
        self.rules = rules

    @property
    def rules(self) -> list[Kind[Any]]:
        """The rules, in config order (set as a whole: the run order is worked out then)."""
        return self._rules

    @rules.setter
    def rules(self, rules: list[Kind[Any]]) -> None:
        self._rules = rules
        self._deferring = {rule.id for rule in rules if getattr(rule, "defers", False)}
        self._run_order = self._ordered(rules)

    def _selects_harper(self) -> bool:
        """Whether the selected rules run Harper (``wants_harper``, known before they load)."""
        backend = self.settings.config.grammar.backend
        return backend == "harper" and any(spec.kind in ENGINE_KINDS for spec in self.specs)

    def _check_names(self, ids: dict[str, RuleSpec], packs: set[str]) -> None:
        config = self.settings.config
        named = {
            "select": config.select or [],
            "extend-select": config.extend_select,
            "ignore": config.ignore,
            "severity": list(config.severity),
            "rules": list(config.rules),
            "per-file-ignores": [n for names in config.per_file_ignores.values() for n in names],
        }
        for key, names in named.items():
            for name in names:
                if (
                    name not in ids and name not in packs and name != "ALL"
                    and _base_id(name) not in ids  # a dynamic id such as grammar/lt:RULE_ID
                ):
                    raise FactlintError(
                        f"{self.settings.source}: {key}: unknown rule or pack {name!r}"
                    )

    @staticmethod
    def _enabled(spec: RuleSpec, config: FileConfig) -> bool:
        """The most specific select/ignore entry wins (a rule id beats its pack)."""
        selected = list(config.select) if config.select is not None else []
        selected += config.extend_select

        def specificity(names: Iterable[str]) -> int:
            best = -1
            for name in names:
                if name in (spec.id, *spec.aliases) or _base_id(name) == spec.id:
                    best = max(best, 2)
                elif name == spec.pack:
                    best = max(best, 1)
                elif name == "ALL":
                    best = max(best, 0)
            return best

        chosen = specificity(selected)
        ignored = specificity(n for n in config.ignore if ":" not in n)  # sub ids: _sub_filter
        if chosen < 0 and ignored < 0:
            return spec.enabled and config.select is None
        return chosen > ignored

    # -- linting ---------------------------------------------------------------------------
    def lint_document(self, doc: Document) -> list[Finding]:
        """Every finding for a parsed document: rules, then suppressions, sorted."""
        return self.finish(doc, self.run_rules(doc, self.rules))

    @property
    def wants_harper(self) -> bool:
        """Whether linting a file runs Harper in this process (its rules are on)."""
        return self.settings.config.grammar.backend == "harper" and bool(self._deferring)

    @property
    def engine_rules(self) -> list[Kind[Any]]:
        """The rules that run a grammar engine (the slow ones; an editor runs them last)."""
        return [rule for rule in self.rules if rule.id in self._deferring]

    def run_rules(self, doc: Document, rules: Iterable[Kind[Any]]) -> list[Finding]:
        """The raw findings of some of the rules (and a front-matter error), for ``finish``."""
        findings: list[Finding] = []
        if doc.front_matter_error:
            findings.append(_file_finding(doc.path, "io/front-matter", doc.front_matter_error))
        doc.budget = Budget(self.settings.config.limits.time_budget)  # per pass: each its own
        not_run = []
        deferring = self._deferring
        ordered = self._run_order if rules is self._rules else self._ordered(rules)
        waited = False
        for rule in ordered:
            if doc.budget.spent():
                not_run.append(rule.id)
                continue
            if not waited and rule.id in deferring:
                if prebuild.building():
                    for engine_rule in ordered:
                        if engine_rule.id in deferring:
                            engine_rule.prepare(doc)
                prebuild.wait()
                waited = True
            try:
                findings.extend(rule.check(doc))
            except FactlintError:  # an engine that cannot run (e.g. no LanguageTool): exit 2
                raise
            except Exception as exc:  # a broken rule must not stop the run or the other rules
                findings.append(
                    _file_finding(doc.path, "meta/rule-error", f"rule {rule.id} failed: {exc!r}")
                )
        if not_run:
            seconds = self.settings.config.limits.time_budget
            named = ", ".join(not_run[:3]) + (", ..." if len(not_run) > 3 else "")
            doc.budget.skip(0, "io/too-large", f"the time budget of {seconds:g} s per file ran "
                            f"out: {len(not_run)} rules not run ({named})")
        findings += [_skip_finding(doc, skip) for skip in doc.budget.skips]
        return findings

    def finish(
        self, doc: Document, findings: list[Finding], *, partial: bool = False
    ) -> list[Finding]:
        """Dedupe, defer, filter and suppress raw findings, sorted. ``partial``: some rules have
        not run yet, so no suppression is reported unused."""
        findings = one_per_fault(_dedupe(findings))
        findings = self._sub_filter(_drop_deferred(findings, self._deferring, doc.text))
        if doc.comments:
            findings = self._suppress(doc, findings, report_unused=not partial)
        return sorted(fold(findings), key=sort_key)  # groups fold after suppressions (groups.py)

    def _ordered(self, rules: Iterable[Kind[Any]]) -> list[Kind[Any]]:
        """The engine rules last (the slowest; their engine may still be loading: prebuild.py).
        ``_deferring`` (the rules whose findings give way to a house rule's identical one, e.g.
        grammar engines) are the engine rules."""
        rules = list(rules)
        deferring = self._deferring
        return [r for r in rules if r.id not in deferring] + [r for r in rules if r.id in deferring]

    def _sub_filter(self, findings: list[Finding]) -> list[Finding]:
        """Select/ignore/severity for dynamic ids (grammar/lt:RULE_ID): the most specific wins."""
        config = self.settings.config
        if not any(":" in f.rule for f in findings):
            return findings
        selected = [*(config.select or []), *config.extend_select]
        kept = []
        for finding in findings:
            if ":" in finding.rule:
                base = _base_id(finding.rule)
                if finding.rule in config.ignore and finding.rule not in selected:
                    continue
                narrowed = [n for n in selected if _base_id(n) == base and ":" in n]
                if narrowed and finding.rule not in narrowed and base not in selected:
                    continue
                if finding.rule in config.severity:
                    finding = finding.model_copy(update={"severity": config.severity[finding.rule]})
            kept.append(finding)
        return kept

    def _suppress(
        self, doc: Document, findings: list[Finding], *, report_unused: bool = True
    ) -> list[Finding]:
        suppressions = parse_suppressions(doc)
        if not suppressions:
            return findings
        kept = apply_suppressions(findings, suppressions)
        enabled = {spec.id for spec in self.specs}
        known = {spec.id for spec in all_specs(self.settings)} | {
            spec.pack for spec in all_specs(self.settings)
        }
        for s in suppressions:
            line, column = doc.line_col(s.start)
            end_line, end_column = doc.line_col(s.end)
            unknown = [r for r in s.rules if r not in known and _base_id(r) not in known]
            where: dict[str, Any] = dict(
                path=doc.path, line=line, column=column, end_line=end_line, end_column=end_column,
                text=doc.text[s.start : s.end], offset=s.start, end_offset=s.end,
            )
            if unknown and "meta/invalid-suppression" in enabled:
                kept.append(Finding(
                    rule="meta/invalid-suppression", severity=Severity.warning,
                    message=f"suppression names unknown rule {unknown[0]!r}", **where,
                ))
            elif report_unused and not s.used and "meta/unused-suppression" in enabled and (
                not s.rules or any(r in enabled or _is_pack_of(r, enabled) for r in s.rules)
            ):
                kept.append(Finding(
                    rule="meta/unused-suppression", severity=Severity.info,
                    message="suppression matches no finding; remove it", suggestions=[""],
                    fixable=True, **where,
                ))
        return kept


def _base_id(name: str) -> str:
    """The rule id of a dynamic id: grammar/lt:EN_A_VS_AN -> grammar/lt."""
    return name.split(":", 1)[0]


def _drop_deferred(findings: list[Finding], deferring: set[str], text: str) -> list[Finding]:
    """Drop a deferring rule's finding when another rule's finding makes the same fix.

    Same fix: both start at the same offset and applying either gives the same text, e.g.
    "defense" -> "defence" (house rule) and "defense's" -> "defence's" (grammar engine).
    """
    if not deferring:
        return findings
    house: dict[int, list[Finding]] = {}
    for f in findings:
        if f.suggestions and _base_id(f.rule) not in deferring:
            house.setdefault(f.offset, []).append(f)

    def same_fix(f: Finding) -> bool:
        for h in house.get(f.offset, ()):
            if h.end_offset <= f.end_offset and (
                h.suggestions[0] + text[h.end_offset : f.end_offset] == f.suggestions[0]
            ):
                return True
        return False

    return [f for f in findings if not (_base_id(f.rule) in deferring and f.suggestions and same_fix(f))]


def _is_pack_of(name: str, enabled: set[str]) -> bool:
    return any(rule.startswith(name + "/") for rule in enabled)


def _dedupe(findings: list[Finding]) -> list[Finding]:
    seen = set()
    unique = []
    for f in findings:
        key = (f.rule, f.offset, f.end_offset)
        if key not in seen:
            seen.add(key)
            unique.append(f)
    return unique


def _file_finding(path: str, rule: str, message: str) -> Finding:
    return Finding(
        path=path, rule=rule, severity=Severity.error, message=message, line=1, column=1,
        end_line=1, end_column=1, text="", offset=0, end_offset=0,
    )


def _skip_finding(doc: Document, skip: Skip) -> Finding:
    """Where a limit left part of a file unchecked: an empty span at its start."""
    line, column = doc.line_col(skip.offset)
    severity = Severity.info if skip.rule == "io/skipped" else Severity.error
    return Finding(
        path=doc.path, rule=skip.rule, severity=severity, message=skip.message, line=line,
        column=column, end_line=line, end_column=column, text="", offset=skip.offset,
        end_offset=skip.offset,
    )


def decode(data: bytes) -> Source:
    """Decode a file's bytes: UTF-8 (with or without BOM) or BOM-marked UTF-16."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return Source(data[len(bom) :].decode(encoding), encoding, bom)
    return Source(data.decode("utf-8"))


class Runner:
    """Lints many files, each with the linter of its nearest config (cached per config file)."""

    def __init__(
        self, overrides: Overrides | None = None, config_path: str | None = None,
        harper_early: HarperEarly | None = None,
    ) -> None:
        """``harper_early``: given to each Linter (see Linter)."""
        self.overrides = overrides or Overrides()
        self._harper_early = harper_early
        self.config_path = Path(config_path).resolve() if config_path else None
        if self.config_path is not None and not self.config_path.is_file():
            raise FactlintError(f"{config_path}: config file not found")
        self._linters: dict[Path | None, Linter] = {}
        self._config_of_folder: dict[Path, Path | None] = {}
        self._policies: dict[Path | None, ReadPolicy] = {}
        self._problems: dict[Path, tuple[str, str]] = {}  # folders the walk could not enter
        self._linked: set[Path] = set()  # named drafts with a symbolic link on their path

    def linter_for(self, path: Path | None) -> Linter:
        config_file = self.config_path
        if config_file is None:
            folder = path.parent if path else Path.cwd()
            if folder not in self._config_of_folder:  # resolving and searching cost per file
                self._config_of_folder[folder] = find_config(folder.resolve())
            config_file = self._config_of_folder[folder]
        if config_file not in self._linters:
            config = read_config_file(config_file) if config_file else None
            root = str(config_file.parent) if config_file else str(Path.cwd())
            settings = settings_from(
                config or FileConfig(), str(config_file or "<defaults>"), root, self.overrides
            )
            self._linters[config_file] = Linter(settings, self._harper_early)
        return self._linters[config_file]

    def expand(self, paths: Iterable[str]) -> Iterator[Path]:
        """Files to lint: explicit files as given, directories walked with include/exclude.

        A folder that cannot be listed, or a symbolic link to a folder (not followed), is yielded
        too, and ``lint_file`` reports it: a gate never passes over what it did not check."""
        for raw in paths:
            path = Path(raw)
            linked = real(path) != Path(os.path.abspath(path))  # a link on the path (named: check once)
            if path.is_dir():
                if linked and not self._excluded(path):
                    try:
                        self._link_policy(path).confine(path, "folder")
                    except Refused as exc:  # e.g. a link committed as drafts/x -> /proc/self
                        self._problems[path] = ("io/refused", str(exc))
                        yield path
                        continue
                yield from self._walk(path)
            elif not self._excluded(path):
                if linked:
                    self._linked.add(path)
                yield path

    def _walk(self, top: Path) -> Iterator[Path]:
        """Depth first, entries by name (the order of sorted paths); hidden entries skipped."""
        stack: list[Iterator[os.DirEntry[str]]] = []
        folder: Path | None = top
        folder_of: dict[str, Path] = {}  # a listed folder's path string -> its Path
        globs: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {}  # per folder listed
        while True:
            if folder is not None:
                try:
                    folder_of[str(folder)] = folder
                    with os.scandir(folder) as listing:
                        stack.append(iter(sorted(listing, key=lambda e: e.name)))
                except OSError as exc:
                    if not self._excluded(folder):
                        self._problems[folder] = ("io/unreadable", f"cannot read folder: {exc.strerror or exc}")
                        yield folder
            folder = None
            entry = next(stack[-1], None) if stack else None
            if entry is None:
                if not stack:
                    return
                stack.pop()
                continue
            if entry.name.startswith("."):
                continue
            child = Path(entry.path)
            if entry.is_dir(follow_symlinks=False):
                folder = child
            elif entry.is_symlink() and _links_to_folder(entry):
                if not self._excluded(child):
                    self._problems[child] = ("io/refused", "symbolic link to a folder: not followed "
                                             "(lint its target, or exclude it)")
                    yield child
            elif entry.is_symlink():  # a link to a file, or a dangling one: judged on its own
                if _matches(child, self.linter_for(child).settings.config.include) and not (
                        self._excluded(child)):
                    yield child
            else:
                include, exclude = self._globs_of_folder(folder_of, entry, globs)
                if _matches(child, include) and not _matches(child, exclude):
                    yield child

    def _globs_of_folder(
        self, folder_of: dict[str, Path], entry: os.DirEntry[str],
        globs: dict[str, tuple[tuple[str, ...], tuple[str, ...]]],
    ) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """The include and exclude globs of the files in a walked folder (one config per
        folder: looked up once per folder, not once per file)."""
        parent = os.path.dirname(entry.path)
        found = globs.get(parent)
        if found is None:
            config = self.linter_for(folder_of[parent] / entry.name).settings.config
            found = globs[parent] = (tuple(config.include), tuple(config.exclude))
        return found

    def _excluded(self, path: Path) -> bool:
        exclude = self.linter_for(path).settings.config.exclude if path.exists() else list(
            self.overrides.exclude
        )
        return _matches(path, exclude)

    def read_policy(self, path: Path | None) -> ReadPolicy:
        """What a draft at ``path`` may read (cached per folder)."""
        folder = path.parent if path else None
        if folder not in self._policies:
            self._policies[folder] = self.linter_for(path).settings.read_policy(folder)
        return self._policies[folder]

    def _link_policy(self, path: Path) -> ReadPolicy:
        """The policy a path with symbolic links on it is judged by: that of the folder holding
        its first link that lives in a repository (a config or .git above it), else its last."""
        lexical = Path(os.path.abspath(path))
        holder = None
        for link in (a for a in (*reversed(lexical.parents), lexical) if a.is_symlink()):
            holder = real(link.parent)
            if find_config(holder) is not None or in_repository(holder):
                break
        return self.read_policy((holder or lexical.parent) / lexical.name)

    def read_draft(self, path: Path, *, named: bool = False, limit: int | None = None) -> bytes:
        """A draft's bytes: a regular file, and through a symbolic link only inside the root;
        TooLarge past ``limit`` bytes, without reading more than that into memory.

        A walked draft can be a link only in its last part (the walk follows no linked folder):
        one lstat, not a realpath per file. Named drafts with a link on their path are marked."""
        if named and real(path) != Path(os.path.abspath(path)):
            self._linked.add(path)
        if path in self._linked or path.is_symlink():
            self._linked.discard(path)
            self._link_policy(path).confine(path, "draft")
        return read_regular(path, "draft", limit=limit)

    def has_problem(self, path: Path) -> bool:
        """Whether reading ``path`` must go through ``read_file``'s checks whatever a cache
        knows of it: the walk found a problem there, or a named path has a link on it."""
        return path in self._problems or path in self._linked

    def read_file(self, path: Path, shown: str) -> bytes | FileResult:
        """A draft's bytes, or the io/* result that says why it is not read (refused, too large,
        unreadable). The cache and the workers read drafts through this too."""
        if path in self._problems:
            rule, message = self._problems.pop(path)
            return FileResult(shown, [_file_finding(shown, rule, message)])
        limit = self.linter_for(path).settings.config.limits.max_file_bytes
        try:
            return self.read_draft(path, limit=limit)
        except TooLarge:
            message = (f"larger than {limit:,} bytes ([limits] max-file-bytes): not linted; "
                       "split it, or raise the limit")
            return FileResult(shown, [_file_finding(shown, "io/too-large", message)])
        except Refused as exc:
            return FileResult(shown, [_file_finding(shown, "io/refused", str(exc))])
        except OSError as exc:
            reason = exc.strerror or str(exc)
            return FileResult(shown, [_file_finding(shown, "io/unreadable", f"cannot read: {reason}")])

    def lint_file(self, path: Path, display: str | None = None) -> FileResult:
        shown = display or str(path)
        data = self.read_file(path, shown)
        return data if isinstance(data, FileResult) else self.lint_bytes(data, shown, path)

    def lint_bytes(self, data: bytes, shown: str, path: Path | None) -> FileResult:
        """Lint a file's bytes as read (or standard input's; the cache and the workers hash and
        pass exactly these): undecodable bytes are io/unreadable."""
        try:
            source = decode(data)
        except UnicodeDecodeError as exc:
            message = f"not valid UTF-8 (byte {exc.start}): save the file as UTF-8"
            return FileResult(shown, [_file_finding(shown, "io/unreadable", message)])
        return self.lint_source(source, shown, path)

    def lint_source(self, source: Source, shown: str, path: Path | None) -> FileResult:
        # The result keeps what reporters need (findings, the text for excerpts), not the parsed
        # document: memory stays flat in the number of files.
        return self.lint_source_with_document(source, shown, path)[0]

    def lint_source_with_document(
        self, source: Source, shown: str, path: Path | None
    ) -> tuple[FileResult, Document]:
        """The result and the parsed document, for a caller that reads the analysis too (the
        archive audit), and drops the document before the next file."""
        linter = self.linter_for(path)
        doc = Document.parse(source.text, shown)
        doc.reads = self.read_policy(path)
        findings = ignored_for_path(linter.settings, path, shown, linter.lint_document(doc))
        return FileResult(shown, findings, source), doc

    def lint_file_with_document(self, path: Path) -> tuple[FileResult, Document | None]:
        """As ``lint_file``, with the parsed document (None when the file could not be read)."""
        shown = str(path)
        data = self.read_file(path, shown)
        if isinstance(data, FileResult):
            return data, None
        try:
            source = decode(data)
        except UnicodeDecodeError:
            return self.lint_bytes(data, shown, path), None
        return self.lint_source_with_document(source, shown, path)


def _links_to_folder(entry: os.DirEntry[str]) -> bool:
    """Whether a symbolic link leads to a folder (a loop or a dangling link does not)."""
    try:
        return entry.is_dir()
    except OSError:
        return False


def _matches(path: Path, globs: Iterable[str]) -> bool:
    """Whether the path's name, the path, or a tail of it after a slash matches a glob."""
    name_pattern, path_pattern = _glob_patterns(tuple(globs))
    return bool(name_pattern.match(os.path.normcase(path.name))
                or path_pattern.match(os.path.normcase(path.as_posix())))


@lru_cache(maxsize=256)
def _glob_patterns(globs: tuple[str, ...]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The globs as two compiled patterns (names; whole paths or their tails after a slash),
    matching as ``fnmatch`` does (case-sensitive on POSIX, as fnmatch is there)."""
    if not globs:
        never = re.compile(r"(?!)")
        return never, never
    names = "|".join(_translate(g) for g in globs)
    paths = "|".join(_translate(g) for g in (*globs, *(f"*/{g}" for g in globs)))
    return re.compile(names), re.compile(paths)


def _translate(glob: str) -> str:
    return fnmatch_translate(os.path.normcase(glob))


