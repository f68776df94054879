"""`factlint languagetool install` and the local server factlint runs: every failure is one clear
line (exit 2). Maven and Java are stood in for by small scripts, so no download happens here; the
real install and server are tested in test_languagetool_real.py."""

from __future__ import annotations

import json
import socket
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from factlint import lint_text
from factlint.engines import close_all
from factlint.engines import lt_install
from factlint.engines.lt_server import stop_all
from factlint.errors import FactlintError

CLI = [sys.executable, "-m", "factlint"]


def script(folder: Path, name: str, body: str) -> Path:
    """An executable shell script ``folder/name`` (a stand-in for java or mvn)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text("#!/bin/sh\n" + body, "utf-8")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return path


@pytest.fixture
def tools(tmp_path, monkeypatch):
    """A PATH with only a Java 17 stand-in (add mvn with ``script``); JAVA_HOME unset."""
    bin_dir = tmp_path / "bin"
    script(bin_dir, "java", 'echo \'openjdk version "17.0.15" 2025-04-15\' >&2\n')
    monkeypatch.setenv("PATH", str(bin_dir))
    monkeypatch.delenv("JAVA_HOME", raising=False)
    monkeypatch.setenv("FACTLINT_CACHE_DIR", str(tmp_path / "cache"))
    return bin_dir


FAKE_MVN = """echo "$@" >> "{calls}"
for arg in "$@"; do
  case "$arg" in -DoutputDirectory=*) out="${{arg#-DoutputDirectory=}}";; esac
done
/bin/mkdir -p "$out" && echo jar > "$out/languagetool-server-6.8.jar" && echo jar > "$out/language-en-6.8.jar"
"""


def test_install_writes_a_pom_runs_maven_once_and_is_idempotent(tools, tmp_path):
    calls = tmp_path / "calls.txt"
    script(tools, "mvn", FAKE_MVN.format(calls=calls))
    first = subprocess.run([*CLI, "languagetool", "install"], capture_output=True, text=True)
    assert first.returncode == 0, first.stderr
    assert first.stdout == ""  # progress goes to stderr
    folder = tmp_path / "cache" / "languagetool" / lt_install.DEFAULT_VERSION
    assert "installed LanguageTool" in first.stderr and str(folder) in first.stderr
    pom = (folder / "pom.xml").read_text("utf-8")
    for artifact in ("languagetool-server", "language-en"):
        assert f"<artifactId>{artifact}</artifactId>" in pom
    assert f"<version>{lt_install.DEFAULT_VERSION}</version>" in pom
    (args,) = calls.read_text().splitlines()
    assert "copy-dependencies" in args and "-B" in args.split()
    assert sorted(p.name for p in (folder / "lib").iterdir()) == [
        "language-en-6.8.jar", "languagetool-server-6.8.jar",
    ]
    again = subprocess.run([*CLI, "languagetool", "install"], capture_output=True, text=True)
    assert again.returncode == 0 and "already installed" in again.stderr
    assert len(calls.read_text().splitlines()) == 1  # Maven is not run again
    found = lt_install.find_installation(lt_install.DEFAULT_VERSION)
    assert found.classpath == str(folder / "lib" / "*")


def test_install_to_a_chosen_folder_and_version(tools, tmp_path):
    calls = tmp_path / "calls.txt"
    script(tools, "mvn", FAKE_MVN.format(calls=calls))
    target = tmp_path / "lt"
    done = subprocess.run(
        [*CLI, "languagetool", "install", "--version", "6.7", "--dir", str(target)],
        capture_output=True, text=True,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads((target / lt_install.MARKER).read_text())["version"] == "6.7"
    assert "<version>6.7</version>" in (target / "pom.xml").read_text()


@pytest.mark.parametrize(
    ("mvn", "java", "expected"),
    [
        (None, True, "needs Maven (mvn) and none was found"),
        ("echo '[ERROR] Failed to execute goal: Could not resolve dependencies for project "
         "x: The following artifacts could not be resolved: org.languagetool:language-en:jar:6.8: "
         "Could not transfer artifact' ; exit 1\n", True,
         "Maven could not resolve LanguageTool 6.8: org.languagetool:language-en:jar:6.8"),
        ("exit 0\n", False, "needs Java 17 or later and none was found"),
    ],
)
def test_install_failures_are_one_line(tools, tmp_path, mvn, java, expected):
    if mvn:
        script(tools, "mvn", mvn)
    if not java:
        (tools / "java").unlink()
    done = subprocess.run([*CLI, "languagetool", "install"], capture_output=True, text=True)
    assert done.returncode == 2
    last = done.stderr.strip().splitlines()[-1]
    assert last.startswith("factlint: error: ") and expected in last, done.stderr
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "cache" / "languagetool" / "6.8" / lt_install.MARKER).exists()


def test_old_java_is_named(tools):
    script(tools, "java", 'echo \'java version "1.8.0_392"\' >&2\n')
    with pytest.raises(FactlintError, match=r"needs Java 17 or later, and .*java is Java 8"):
        lt_install.require_java()


# -- linting with the local server ----------------------------------------------------------
def lint_local(tmp_path: Path, extra: str = "") -> None:
    config = tmp_path / ".factlint.toml"
    config.write_text(
        f'[grammar]\nbackend = "languagetool"\n[grammar.languagetool]\n{extra}', "utf-8"
    )
    try:
        lint_text("A sentence.\n", path=str(tmp_path / "d.txt"), config=str(config))
    finally:
        close_all()
        stop_all()


def fake_install(folder: Path, version: str = lt_install.DEFAULT_VERSION) -> Path:
    (folder / "lib").mkdir(parents=True)
    (folder / lt_install.MARKER).write_text(json.dumps({"version": version}), "utf-8")
    return folder


def test_not_installed_names_the_install_command(tools, tmp_path):
    with pytest.raises(FactlintError) as info:
        lint_local(tmp_path)
    message = str(info.value)
    assert "is not installed" in message and "factlint languagetool install" in message
    assert 'backend = "harper"' in message and "\n" not in message


def test_wrong_installed_version(tools, tmp_path):
    home = fake_install(tmp_path / "lt", version="6.5")
    with pytest.raises(FactlintError, match=r"LanguageTool 6.5 is installed .* asks for 6.8"):
        lint_local(tmp_path, f'home = "{home}"\n')


def test_server_that_exits_while_starting(tools, tmp_path):
    home = fake_install(tmp_path / "lt")
    script(tools, "java", """case "$1" in -version) echo 'openjdk version "17.0.1"' >&2; exit 0;; esac
echo 'Exception in thread "main" java.lang.UnsupportedClassVersionError: HTTPServer has been compiled by a more recent version'
exit 1
""")
    with pytest.raises(FactlintError) as info:
        lint_local(tmp_path, f'home = "{home}"\n')
    message = str(info.value)
    assert "exited with code 1 while starting" in message
    assert "UnsupportedClassVersionError" in message


def test_server_that_never_answers(tools, tmp_path):
    home = fake_install(tmp_path / "lt")
    script(tools, "java", """case "$1" in -version) echo 'openjdk version "17.0.1"' >&2; exit 0;; esac
exec /bin/sleep 30
""")
    with pytest.raises(FactlintError, match=r"did not answer within 1 s of starting"):
        lint_local(tmp_path, f'home = "{home}"\nstart-timeout = 1\n')


def test_port_taken(tools, tmp_path):
    home = fake_install(tmp_path / "lt")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with pytest.raises(FactlintError, match=rf"port {port}: the port is taken"):
            lint_local(tmp_path, f'home = "{home}"\nport = {port}\n')


def test_check_without_the_client_library_names_the_extra(tools, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "language_tool_python", None)  # as if not installed
    with pytest.raises(FactlintError, match=r"pip install 'factlint\[languagetool\]'"):
        lint_local(tmp_path)


def test_the_gpl_client_is_imported_only_by_the_languagetool_backend(tmp_path):
    code = (
        "import sys; from factlint import lint_text; "
        "found = lint_text('Police said there will be a investigation.\\n', path='d.txt'); "
        "assert found; print('language_tool_python' in sys.modules)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "False"
