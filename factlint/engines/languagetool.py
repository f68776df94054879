"""The LanguageTool engine (language-tool-python): a server at ``url`` or a local one it runs.

One ``LanguageTool`` object per process and language: a local server (Java) is started once and
stopped at exit. Each document is one request (its segments joined by blank lines). The server
counts offsets in UTF-16 code units (Java strings); language-tool-python converts the start to code
points but not the length, so the length is converted here. Every failure becomes one
FactlintError line that names the fix; the run then exits with code 2.
"""

from __future__ import annotations

import contextlib
import shutil
import threading
from bisect import bisect_right
from typing import TYPE_CHECKING, Any

from factlint.engines import EngineLint, SpellingExemptions, Text
from factlint.errors import FactlintError

if TYPE_CHECKING:
    from collections.abc import Sequence

    from factlint.config import LanguageToolConfig

SEPARATOR = "\n\n"
# LanguageTool has no en-IN; Indian English follows British spelling.
LANGUAGES = {
    "en-GB": "en-GB", "en-US": "en-US", "en-AU": "en-AU", "en-CA": "en-CA", "en-IN": "en-GB",
}
SPELLING_RULES = ("MORFOLOGIK_RULE", "HUNSPELL_RULE")
HEADLINE_SKIPPED_CATEGORIES = frozenset({"CASING"})
HEADLINE_SKIPPED_RULES = frozenset({"PUNCTUATION_PARAGRAPH_END", "UPPERCASE_SENTENCE_START"})
OR_HARPER = 'or use the built-in engine: [grammar] backend = "harper"'


class LanguageToolEngine:
    """LanguageTool through language-tool-python."""

    name = "languagetool"

    def __init__(self, language: str, config: LanguageToolConfig) -> None:
        self.config = config
        self.where = config.url or "the local LanguageTool server"
        self.tool = _start(LANGUAGES[language], config)
        self.tool._TIMEOUT = config.timeout  # the library's per-request timeout (300 s)
        self.tool.disabled_rules = set(config.disable)
        self.tool.enabled_rules = set(config.enable)
        self.tool.disabled_categories = set(config.disable_categories)
        self.tool.enabled_categories = set(config.enable_categories)
        self.tool.picky = config.picky

    def check(
        self, texts: Sequence[Text], exempt: SpellingExemptions = SpellingExemptions()
    ) -> list[list[EngineLint]]:
        """One request for all texts; ``exempt`` is not used (the server checks every word)."""
        results: list[list[EngineLint]] = [[] for _ in texts]
        if not texts:
            return results
        joined = SEPARATOR.join(t.text for t in texts)
        starts, pos = [], 0
        for t in texts:
            starts.append(pos)
            pos += len(t.text) + len(SEPARATOR)
        for match in self._matches(joined):
            start = match.offset
            end = start + utf16_to_code_points(joined[start:], match.error_length)
            index = bisect_right(starts, start) - 1
            if index < 0 or end > starts[index] + len(texts[index].text):
                continue  # a match across the separator
            if texts[index].headline and (
                match.category in HEADLINE_SKIPPED_CATEGORIES
                or match.rule_id in HEADLINE_SKIPPED_RULES
            ):
                continue
            base = starts[index]
            results[index].append(EngineLint(
                start=start - base, end=end - base, rule=match.rule_id, kind=match.category,
                message=match.message, suggestions=tuple(match.replacements[:5]),
                spelling=match.rule_id.startswith(SPELLING_RULES),
            ))
        return results

    def _matches(self, text: str) -> list[Any]:
        from language_tool_python.exceptions import LanguageToolError

        try:
            return list(self.tool.check(text))
        except (LanguageToolError, OSError, KeyError, ValueError) as exc:
            raise FactlintError(
                f"LanguageTool at {self.where} failed: {_reason(exc)}; check the server "
                f"(grammar.languagetool.url, timeout) {OR_HARPER}"
            ) from None

    def close(self) -> None:
        with contextlib.suppress(Exception):  # closing at exit must never fail the run
            self.tool.close()


def utf16_to_code_points(text: str, units: int) -> int:
    """How many code points of ``text`` (from its start) make up ``units`` UTF-16 code units."""
    count = 0
    for char in text:
        if units <= 0:
            break
        units -= 2 if ord(char) > 0xFFFF else 1
        count += 1
    return count


def code_points_to_utf16(text: str, offset: int) -> int:
    """The UTF-16 offset of code-point ``offset`` in ``text`` (as a Java server counts)."""
    return offset + sum(1 for char in text[:offset] if ord(char) > 0xFFFF)


def _start(language: str, config: LanguageToolConfig) -> Any:
    """Connect to ``config.url`` or start a local server; one clear error line on failure."""
    try:
        import language_tool_python
    except ImportError:  # pragma: no cover - a dependency, but be clear if it was removed
        raise FactlintError(
            "the languagetool backend needs language-tool-python: "
            f"pip install language-tool-python, {OR_HARPER}"
        ) from None
    kwargs: dict[str, Any] = {"mother_tongue": config.mother_tongue}
    if config.url:
        kwargs["remote_server"] = config.url
        try:
            return language_tool_python.LanguageTool(language, **kwargs)
        except Exception as exc:  # the library raises many types (docs/grammar.md)
            raise FactlintError(
                f"LanguageTool server {config.url} is unreachable: {_reason(exc)}; start it "
                f"(docs/grammar.md) or fix grammar.languagetool.url, {OR_HARPER}"
            ) from None
    if shutil.which("java") is None:
        raise FactlintError(
            "LanguageTool needs Java 17 or later and none was found: install Java, or set "
            f"grammar.languagetool.url to a LanguageTool server, {OR_HARPER}"
        )
    return _start_local(language_tool_python, language, kwargs, config.start_timeout)


def _start_local(module: Any, language: str, kwargs: dict[str, Any], timeout: float) -> Any:
    """Start the library's local server in a thread, so a server that never comes up times out."""
    outcome: dict[str, Any] = {}

    def run() -> None:
        try:
            outcome["tool"] = module.LanguageTool(language, **kwargs)
        except BaseException as exc:  # the library may raise SystemExit
            outcome["error"] = exc

    thread = threading.Thread(target=run, name="factlint-languagetool", daemon=True)
    thread.start()
    thread.join(timeout)
    if "tool" in outcome:
        return outcome["tool"]
    reason = _reason(outcome["error"]) if "error" in outcome else f"not ready after {timeout:g} s"
    raise FactlintError(
        f"cannot start a local LanguageTool server ({reason}): install Java 17+ and let "
        "language-tool-python download LanguageTool (or set LTP_PATH to an unpacked copy), or set "
        f"grammar.languagetool.url to a running server, {OR_HARPER}"
    )


def _reason(exc: BaseException) -> str:
    if isinstance(exc, KeyError):
        return f"unexpected answer without {exc}"
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= 160 else text[:157] + "..."
