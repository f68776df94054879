"""The Kind base class: Python code that implements one check strategy for many rules."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, Generic, TypeVar

from factlint.analysis import Hit, normalize_scope
from factlint.finding import Finding, Related
from factlint.records import FORBID_EXTRA, Record

if TYPE_CHECKING:
    from factlint.config import Settings
    from factlint.document import Document
    from factlint.spec import RuleSpec


@dataclass(frozen=True, kw_only=True)
class Options(Record):
    """Base of every kind's options record: unknown keys are errors."""

    __pydantic_config__ = FORBID_EXTRA


O = TypeVar("O", bound=Options)


class Kind(Generic[O]):
    """A check strategy. ``check(doc)`` is a pure function of (options, settings, document)."""

    name: ClassVar[str]
    options_model: ClassVar[type[Options]] = Options
    fixable: ClassVar[bool] = False

    def __init__(self, spec: RuleSpec, options: O, settings: Settings) -> None:
        self.spec = spec
        self.options = options
        self.settings = settings
        self.scope = normalize_scope(spec.scope)

    @cached_property
    def id(self) -> str:
        """The rule's id ("pack/name"): built once, as the engine asks for it per rule and file."""
        return self.spec.id

    def data_file(self, name: str) -> Path:
        """A data file a rule's options name, relative to its pack; a user pack's must lie inside
        the repository like everything its config names (docs/security.md)."""
        path = Path(self.spec.base_dir) / name
        if self._user_pack:
            self.settings.read_policy().confine(path, f"{self.spec.origin}: {self.id} options:")
        return path

    @cached_property
    def _user_pack(self) -> bool:
        from factlint.packs import is_builtin

        return not is_builtin(self.spec)

    def check(self, doc: Document) -> Iterator[Finding]:
        raise NotImplementedError

    def prepare(self, doc: Document) -> None:
        """Work of ``check`` that needs no grammar engine, done while the engine's dictionary is
        still building in the background (prebuild.py) so that the run does not wait idle."""

    def finding(
        self,
        doc: Document,
        start: int,
        end: int,
        *,
        suggestions: list[str] | None = None,
        related: list[Related] | None = None,
        fixable: bool | None = None,
        message: str | None = None,
        group: str | None = None,
        **fields: Any,
    ) -> Finding:
        """Build a finding for the source span [start, end), formatting the rule's message;
        findings with one ``group`` key are reported as one (factlint.groups)."""
        line, column = doc.line_col(start)
        end_line, end_column = doc.line_col(end)
        text = doc.text[start:end]
        if message is None:
            found = " ".join(text.split())  # a span across a line break reads as one line
            message = self.spec.message.format_map(_Defaults(found=found, **fields))
        suggestions = suggestions or []
        return Finding(
            path=doc.path,
            rule=self.id,
            severity=self.spec.severity,
            message=message,
            line=line,
            column=column,
            end_line=end_line,
            end_column=end_column,
            text=text,
            suggestions=suggestions,
            fixable=bool(suggestions) and (self.fixable if fixable is None else fixable),
            related=related or [],
            offset=start,
            end_offset=end,
            group=group,
        )

    def finding_at(self, doc: Document, hit: Hit, **kwargs: Any) -> Finding:
        return self.finding(doc, hit.source_start, hit.source_end, **kwargs)


def related_at(doc: Document, hit: Hit) -> Related:
    line, column = doc.line_col(hit.source_start)
    return Related(line=line, column=column, text=hit.text)


class _Defaults(dict):  # type: ignore[type-arg]
    """Leaves unknown {placeholders} visible instead of raising KeyError."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"
