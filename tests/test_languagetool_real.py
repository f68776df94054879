"""A real LanguageTool: the server factlint runs from `factlint languagetool install`.

Skipped, with the reason naming the install command, on a machine without the install (.ci/run
installs it when Maven is there). The server is started once for this module and shared.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from factlint import lint_text
from factlint.engines import close_all, lt_server
from factlint.engines.lt_install import DEFAULT_VERSION, find_installation
from factlint.errors import FactlintError


def _installed() -> bool:
    try:
        find_installation(DEFAULT_VERSION)
    except FactlintError:
        return False
    return True


pytestmark = pytest.mark.skipif(
    not _installed(),
    reason=f"LanguageTool {DEFAULT_VERSION} is not installed: run `factlint languagetool install` "
    "(needs Java 17+ and Maven; .ci/run does it when mvn is present)",
)
CONFIG = '[grammar]\nbackend = "languagetool"\n[grammar.languagetool]\n'


@pytest.fixture(scope="module", autouse=True)
def _stop_servers():
    yield
    close_all()
    lt_server.stop_all()


def lint(folder: Path, text: str, name: str = "draft.md", extra: str = "", dialect: str = "en-GB"):
    config = folder / ".factlint.toml"
    config.write_text(f'dialect = "{dialect}"\n{CONFIG}{extra}', "utf-8")
    path = folder / name
    path.write_bytes(text.encode("utf-8"))
    return lint_text(text, path=str(path), config=str(config))


DRAFT = (
    "---\r\ntitle: Council in a investigation row\r\n---\r\n\r\n"
    "Fans 👍 cheered as the council said there will be a investigation.\r\n\r\n"
    "The leader said he go to London on Monday, and the the report was recieved.\r\n"
)


def test_findings_at_exact_positions_with_crlf_front_matter_and_emoji(tmp_path):
    findings = lint(tmp_path, DRAFT)
    spans = {(f.rule, f.text, f.line) for f in findings}
    assert ("grammar/lt:EN_A_VS_AN", "a", 2) in spans  # the front-matter title
    assert ("grammar/lt:EN_A_VS_AN", "a", 5) in spans  # after the emoji
    assert ("grammar/lt:ENGLISH_WORD_REPEAT_RULE", "the the", 7) in spans
    assert ("spelling/unknown-word", "recieved", 7) in spans
    assert any(f.rule.startswith("grammar/lt:") and f.text == "go" and f.line == 7 for f in findings)
    for f in findings:
        assert DRAFT[f.offset : f.end_offset] == f.text
    emoji_line = DRAFT.split("\r\n")[4]
    (after_emoji,) = [f for f in findings if f.line == 5]
    assert after_emoji.column == emoji_line.index(" a investigation") + 2


def test_clean_copy_has_no_findings(tmp_path):
    text = (
        "Councillors in Stockport have approved a £40m budget after a late-night vote.\n\n"
        "The council received 1,200 responses to its consultation. It will publish them on "
        "Friday, a spokeswoman said.\n"
    )
    findings = lint(tmp_path, text, name="clean.txt", extra="", dialect="en-GB")
    assert [f for f in findings if f.rule.startswith(("grammar/", "spelling/"))] == []


def test_quoted_speech_is_not_grammar_checked(tmp_path):
    text = 'Mr Hunter said: "They was warned about this." He said there was a investigation.\n'
    findings = lint(tmp_path, text, name="quote.txt")
    assert [(f.rule, f.text) for f in findings] == [("grammar/lt:EN_A_VS_AN", "a")]


def test_the_grammar_lt_rule_examples_with_the_real_server(tmp_path):
    from factlint.packs import builtin_rules_dir, load_pack_file

    (spec,) = [
        s for s in load_pack_file("grammar", builtin_rules_dir() / "grammar.yaml") if s.name == "lt"
    ]
    bad = lint(tmp_path, spec.examples.bad, name="bad.txt")
    good = lint(tmp_path, spec.examples.good, name="good.txt")
    assert any(f.rule.startswith("grammar/lt:") for f in bad), bad
    assert not [f for f in good if f.rule.startswith("grammar/lt:")], good


def test_one_server_for_every_file_and_dialect(tmp_path):
    lint(tmp_path, "There will be a investigation.\n", name="one.txt", dialect="en-GB")
    lint(tmp_path, "There will be a investigation.\n", name="two.txt", dialect="en-US")
    assert len(lt_server._SERVERS) == 1


def test_answer_slower_than_the_timeout(tmp_path):
    # many paragraphs, each under [limits] max-paragraph, so that all of it goes to the server
    paragraph = "The council said there will be an investigation into the overspend. " * 20
    long_text = "\n\n".join([paragraph] * 20)
    with pytest.raises(FactlintError) as info:
        lint(tmp_path, long_text + "\n", name="long.txt", extra="timeout = 0.001\n")
    message = str(info.value)
    assert "timed out" in message and "timeout" in message and "\n" not in message


def nothing_listens(port: int) -> bool:
    """No server answers on the port (binding it may still fail for a while: the server's
    closed connections linger in TIME_WAIT after it has exited)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        return sock.connect_ex(("127.0.0.1", port)) != 0


def test_cli_reports_findings_and_stops_its_server(tmp_path):
    config = tmp_path / "lt.toml"
    port = lt_server.free_port()
    config.write_text(f'dialect = "en-GB"\n{CONFIG}port = {port}\n', "utf-8")
    draft = tmp_path / "draft.md"
    draft.write_text(DRAFT, "utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "factlint", "check", "--format", "json", "--config", str(config),
         str(draft)],
        capture_output=True, text=True, timeout=600,
    )
    assert done.returncode == 0, done.stderr  # warnings only
    assert '"grammar/lt:EN_A_VS_AN"' in done.stdout
    assert nothing_listens(port)  # the server is gone with the process


def test_ctrl_c_stops_the_server(tmp_path):
    config = tmp_path / "lt.toml"
    port = lt_server.free_port()
    config.write_text(f'dialect = "en-GB"\n{CONFIG}port = {port}\n', "utf-8")
    # enough distinct drafts that the run is still linting when Ctrl-C comes, however fast the
    # server answers once it is up (50 identical ones could all be done first)
    for i in range(400):
        (tmp_path / f"d{i}.txt").write_text(f"There will be a investigation, number {i}.\n" * 20,
                                             "utf-8")
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    run = subprocess.Popen(
        [sys.executable, "-m", "factlint", "check", "-q", "--config", str(config), str(tmp_path)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env,
        # a CI script run in the background may start its children with SIGINT ignored, which
        # Python then keeps: give the run the default disposition a terminal's Ctrl-C finds
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    deadline = time.monotonic() + 300
    while lt_server.port_is_free(port) and run.poll() is None and time.monotonic() < deadline:
        time.sleep(0.2)
    assert run.poll() is None, "the run ended before its server was up"
    run.send_signal(signal.SIGINT)
    _, stderr = run.communicate(timeout=60)
    assert run.returncode == 2 and stderr.decode().strip() == "factlint: aborted"
    assert nothing_listens(port)


def test_server_killed_mid_run(tmp_path):
    lint(tmp_path, "There will be a investigation.\n", name="before.txt")
    (server,) = lt_server._SERVERS.values()
    server.process.kill()
    server.process.wait(30)
    with pytest.raises(FactlintError) as info:
        lint(tmp_path, "The report was published on Monday.\n", name="after.txt")
    message = str(info.value)
    assert "stopped during the run" in message and "exit code" in message
    assert "\n" not in message
    with pytest.raises(OSError):
        urllib.request.urlopen(f"{server.url}/v2/languages", timeout=2)
