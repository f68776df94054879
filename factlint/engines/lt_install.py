"""Install LanguageTool from Maven Central with the real ``mvn``, and find an installation.

``factlint languagetool install`` writes a minimal POM naming LanguageTool's server and English
modules into the install folder and has Maven copy them and their dependencies into ``lib/``;
a marker file records the version once the copy is complete, so installing again does nothing.
Linting never downloads: it only looks for an installation (this layout, or an unpacked
LanguageTool zip with its ``languagetool-server.jar``) and says how to get one when there is none.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from factlint.config import LT_VERSION as DEFAULT_VERSION
from factlint.errors import FactlintError
from factlint.user_cache import cache_root

if TYPE_CHECKING:
    from collections.abc import Callable

MIN_JAVA = 17
ARTIFACTS = ("languagetool-server", "language-en")
# Pinned so that a run resolves the same plugin today and next year (Maven 3.6.3 or later).
DEPENDENCY_PLUGIN = "org.apache.maven.plugins:maven-dependency-plugin:3.8.1"
MARKER = "factlint-languagetool.json"
INSTALL_HINT = "factlint languagetool install"

POM = """<?xml version="1.0" encoding="UTF-8"?>
<!-- Written by `factlint languagetool install`: LanguageTool {version} and its dependencies. -->
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>factlint.local</groupId>
  <artifactId>languagetool-install</artifactId>
  <version>{version}</version>
  <packaging>pom</packaging>
  <dependencies>
{dependencies}
  </dependencies>
</project>
"""
DEPENDENCY = """    <dependency>
      <groupId>org.languagetool</groupId>
      <artifactId>{artifact}</artifactId>
      <version>{version}</version>
    </dependency>"""


def default_dir(version: str) -> Path:
    return cache_root() / "languagetool" / version


@dataclass(frozen=True)
class Installation:
    """A LanguageTool that ``java -cp CLASSPATH org.languagetool.server.HTTPServer`` runs."""

    folder: Path
    version: str
    classpath: str


def find_installation(version: str, folder: str | Path | None = None) -> Installation:
    """The installation in ``folder`` (default: the cache folder of ``version``), or one clear
    error naming the install command."""
    where = Path(folder).expanduser() if folder else default_dir(version)
    marker = where / MARKER
    if marker.is_file():
        installed = _read_marker(marker)
        if installed != version:
            raise FactlintError(
                f"LanguageTool {installed} is installed in {where}, but the config asks for "
                f"{version}: run `{INSTALL_HINT} --version {version}` or set "
                f"grammar.languagetool.version = \"{installed}\""
            )
        return Installation(where, version, str(where / "lib" / "*"))
    server_jar = where / "languagetool-server.jar"  # an unpacked LanguageTool zip
    if server_jar.is_file():
        return Installation(where, version, str(server_jar))
    raise FactlintError(
        f"LanguageTool {version} is not installed in {where}: run `{INSTALL_HINT}` (Java 17+ and "
        "Maven), or set grammar.languagetool.home to an unpacked LanguageTool, or "
        "grammar.languagetool.url to a running server"
    )


def _read_marker(marker: Path) -> str:
    try:
        return str(json.loads(marker.read_text("utf-8"))["version"])
    except (OSError, ValueError, KeyError, TypeError):
        return "unknown"


def java_major(java: str) -> int | None:
    """The major version of ``java`` (8 for 1.8.0_392, 17 for 17.0.15), None if it cannot say."""
    try:
        out = subprocess.run(
            [java, "-version"], capture_output=True, text=True, timeout=60, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return None
    found = re.search(r'version "(\d+)(?:\.(\d+))?', out.stderr + out.stdout)
    if not found:
        return None
    major = int(found.group(1))
    return int(found.group(2) or 0) if major == 1 else major


def require_java() -> str:
    """The ``java`` to run LanguageTool with (JAVA_HOME's, else PATH's), or one clear error."""
    home = os.environ.get("JAVA_HOME")
    candidate = Path(home) / "bin" / "java" if home else None
    java = str(candidate) if candidate and candidate.is_file() else shutil.which("java")
    if java is None:
        raise FactlintError(
            f"LanguageTool needs Java {MIN_JAVA} or later and none was found: install Java "
            "(e.g. apt-get install openjdk-17-jre-headless), or set grammar.languagetool.url to "
            "a LanguageTool server"
        )
    major = java_major(java)
    if major is None or major < MIN_JAVA:
        found = "an unknown version" if major is None else f"Java {major}"
        raise FactlintError(
            f"LanguageTool needs Java {MIN_JAVA} or later, and {java} is {found}: install a newer "
            "Java (or set JAVA_HOME to one), or set grammar.languagetool.url to a LanguageTool server"
        )
    return java


def pom(version: str) -> str:
    deps = "\n".join(DEPENDENCY.format(artifact=a, version=version) for a in ARTIFACTS)
    return POM.format(version=version, dependencies=deps)


def install(
    version: str = DEFAULT_VERSION,
    folder: str | Path | None = None,
    say: Callable[[str], None] = lambda line: None,
    offline: bool = False,
) -> Installation:
    """Resolve LanguageTool ``version`` with Maven into ``folder``; nothing to do if it is there.

    ``offline``: Maven's local repository only (``mvn -o``), for a machine without the network."""
    where = Path(folder).expanduser() if folder else default_dir(version)
    if (where / MARKER).is_file() and _read_marker(where / MARKER) == version:
        say(f"LanguageTool {version} is already installed in {where}")
        return find_installation(version, where)
    if not re.fullmatch(r"[0-9A-Za-z.\-]+", version):
        raise FactlintError(f"not a LanguageTool version: {version!r} (e.g. {DEFAULT_VERSION})")
    java = require_java()
    mvn = shutil.which("mvn")
    if mvn is None:
        raise FactlintError(
            "installing LanguageTool needs Maven (mvn) and none was found: install Maven "
            "(e.g. apt-get install maven), or unpack the LanguageTool zip and set "
            "grammar.languagetool.home to it (docs/grammar.md)"
        )
    say(f"Java: {java}; Maven: {mvn}")
    where.mkdir(parents=True, exist_ok=True)
    (where / "pom.xml").write_text(pom(version), "utf-8")
    partial, lib = where / "lib.partial", where / "lib"
    shutil.rmtree(partial, ignore_errors=True)
    command = [
        mvn, "-B", "-q", *(["-o"] if offline else []), "-f", str(where / "pom.xml"), f"{DEPENDENCY_PLUGIN}:copy-dependencies",
        f"-DoutputDirectory={partial}", "-DincludeScope=runtime",
    ]
    say(f"resolving org.languagetool:{{{','.join(ARTIFACTS)}}}:{version} with Maven into {lib}")
    say("$ " + " ".join(command))
    try:
        done = subprocess.run(command, capture_output=True, text=True, check=False)
    except OSError as exc:
        raise FactlintError(f"cannot run Maven ({mvn}): {exc}") from None
    if done.returncode != 0:
        shutil.rmtree(partial, ignore_errors=True)
        raise FactlintError(
            f"Maven could not resolve LanguageTool {version}: {_maven_reason(done.stdout)}; "
            "check the version and that Maven Central (or your mirror) is reachable"
        )
    shutil.rmtree(lib, ignore_errors=True)
    partial.rename(lib)
    jars = sorted(p.name for p in lib.glob("*.jar"))
    size = sum(p.stat().st_size for p in lib.glob("*.jar"))
    (where / MARKER).write_text(json.dumps({"version": version, "jars": len(jars)}), "utf-8")
    say(f"installed LanguageTool {version}: {len(jars)} jars, {size / 1e6:.0f} MB in {lib}")
    return find_installation(version, where)


def _maven_reason(output: str) -> str:
    """Maven's first error line, without its prefix, colours and the help lines that follow."""
    lines = [re.sub(r"\x1b\[[0-9;]*m", "", line) for line in output.splitlines()]
    errors = [ln.removeprefix("[ERROR]").strip() for ln in lines if ln.startswith("[ERROR]")]
    errors = [e for e in errors if e]
    text = errors[0] if errors else next((ln for ln in reversed(lines) if ln.strip()), "no output")
    text = text.split(": The following artifacts could not be resolved: ")[-1]
    return text if len(text) <= 240 else text[:237] + "..."
