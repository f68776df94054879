"""Setting up a newsroom repository: `factlint init`, the GitHub Action's script steps and the
documented GitLab CI job, each run here for real."""

from __future__ import annotations

import json
import os
import pty
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from factlint.config import read_config_file
from gate_drafts import CLEAN, ROOT, factlint, newsroom

BIN = Path(sys.executable).parent


def ci_env(tmp_path: Path) -> dict[str, str]:
    """This venv first on PATH (its python has factlint installed) and no package index: the
    install steps find factlint already installed, as a CI cache would."""
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}",
           "PIP_NO_INDEX": "1", "GITHUB_OUTPUT": str(tmp_path / "github-output")}
    env.pop("FACTLINT_CACHE_DIR", None)
    return env


def test_init_writes_a_working_config_and_a_pre_commit_hook(tmp_path: Path) -> None:
    proc = factlint("init", "--dialect", "en-US", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    config = read_config_file(tmp_path / ".factlint.toml")
    assert config is not None and config.dialect == "en-US" and config.extend_exclude
    assert "#" in (tmp_path / ".factlint.toml").read_text("utf-8")  # commented
    hooks = yaml.safe_load((tmp_path / ".pre-commit-config.yaml").read_text("utf-8"))
    ours = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text("utf-8"))
    assert hooks["repos"][0]["hooks"][0]["id"] == ours[0]["id"]
    (tmp_path / "story.txt").write_text(CLEAN.replace("defence", "defense"), "utf-8")
    assert factlint("check", "story.txt", "--no-progress", "--ignore", "grammar,spelling",
                    cwd=tmp_path).returncode == 0
    again = factlint("init", "--dialect", "en-GB", cwd=tmp_path)
    assert again.returncode == 2 and "already exists" in again.stderr
    forced = factlint("init", "--dialect", "en-GB", "--force", cwd=tmp_path)
    assert forced.returncode == 0 and "already has the factlint hook" in forced.stderr
    assert 'dialect = "en-GB"' in (tmp_path / ".factlint.toml").read_text("utf-8")


def test_every_example_setting_of_the_starter_config_works_uncommented(tmp_path: Path) -> None:
    """A new user uncomments the examples: each lands where it belongs (packs, vocab, facts and
    cache-dir at the top level, not inside [per-file-ignores]) and the config validates."""
    assert factlint("init", "--dialect", "en-GB", "--no-pre-commit", cwd=tmp_path).returncode == 0
    config_file = tmp_path / ".factlint.toml"
    setting = re.compile(r"^# ([\w\"/*.-]+ = .+)$")
    lines = [setting.sub(r"\1", line) for line in config_file.read_text("utf-8").splitlines()]
    config_file.write_text("\n".join(lines) + "\n", "utf-8")
    for folder in ("styles", "facts"):
        (tmp_path / folder).mkdir()
    (tmp_path / "facts" / "house.yaml").write_text("people:\n  - name: Ann Lee\n", "utf-8")
    config = read_config_file(config_file)
    assert config is not None
    assert config.select and config.facts == ["facts/house.yaml"] and config.packs == ["styles"]
    assert config.per_file_ignores == {"wire/*": ["references/surname-first"]}
    (tmp_path / "story.txt").write_text(CLEAN, "utf-8")
    proc = factlint("check", "story.txt", "--no-progress", "--ignore", "grammar,spelling",
                    cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr


def test_init_appends_to_an_existing_pre_commit_config(tmp_path: Path) -> None:
    existing = ("# our hooks\nrepos:\n  - repo: https://github.com/pre-commit/pre-commit-hooks\n"
                "    rev: v4.6.0\n    hooks:\n      - id: trailing-whitespace  # keep\n")
    (tmp_path / ".pre-commit-config.yaml").write_text(existing, "utf-8")
    assert factlint("init", "--dialect", "en-GB", cwd=tmp_path).returncode == 0
    text = (tmp_path / ".pre-commit-config.yaml").read_text("utf-8")
    assert text.startswith(existing)
    repos = yaml.safe_load(text)["repos"]
    assert [hook["id"] for repo in repos for hook in repo["hooks"]] == ["trailing-whitespace", "factlint"]


def test_init_asks_the_dialect_on_a_terminal(tmp_path: Path) -> None:
    leader, follower = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "factlint", "init", "--no-pre-commit"],
                            cwd=tmp_path, stdin=follower, stdout=subprocess.PIPE, stderr=follower)
    os.close(follower)
    prompt = b""
    while b"dialect" not in prompt.lower():
        prompt += os.read(leader, 1024)
    os.write(leader, b"en-AU\n")
    assert proc.wait(timeout=60) == 0
    os.close(leader)
    assert 'dialect = "en-AU"' in (tmp_path / ".factlint.toml").read_text("utf-8")
    assert not (tmp_path / ".pre-commit-config.yaml").exists()


def action_step(name: str, inputs: dict[str, str], outputs: dict[str, str]) -> dict:  # type: ignore[type-arg]
    """One of the action's steps with GitHub's ${{ ... }} expressions filled in as the runner would."""
    action = yaml.safe_load((ROOT / "action.yml").read_text("utf-8"))
    values = {key: spec.get("default", "") for key, spec in action["inputs"].items()} | inputs
    step = next(s for s in action["runs"]["steps"] if s["name"] == name)
    text = re.sub(r"\$\{\{\s*inputs\.([\w-]+)\s*\}\}", lambda m: values[m.group(1)], json.dumps(step))
    text = re.sub(r"\$\{\{\s*steps\.gate\.outputs\.([\w-]+)\s*\}\}",
                  lambda m: outputs.get(m.group(1), ""), text)
    return json.loads(text)  # type: ignore[no-any-return]


def step_names() -> list[str]:
    return [s["name"] for s in yaml.safe_load((ROOT / "action.yml").read_text("utf-8"))["runs"]["steps"]]


def run_action(room: Path, tmp_path: Path, **inputs: str) -> tuple[dict[str, str], list[str], str]:
    """Run the action's script steps in order, skipping those whose `if` is false; returns its
    outputs, the steps that ran, and the gate step's standard output."""
    env = ci_env(tmp_path)
    outputs: dict[str, str] = {}
    ran: list[str] = []
    gate_stdout = ""
    for name in step_names():
        step = action_step(name, inputs, outputs)
        condition = step.get("if", "")
        if "inputs.sarif == 'true'" in condition and inputs.get("sarif") != "true":
            continue
        if "exit-code != '0'" in condition and outputs.get("exit-code") == "0":
            continue
        ran.append(name)
        if "uses" in step:  # the upload runs on GitHub only: check what it would upload
            assert (room / step["with"]["sarif_file"]).is_file()
            continue
        proc = subprocess.run(["bash", "-e", "-c", step["run"]], cwd=room, capture_output=True,
                              text=True, env={**env, **step.get("env", {})}, timeout=300)
        if step.get("id") == "gate":
            gate_stdout = proc.stdout
        if name == "Fail on findings":
            outputs["failed-with"] = str(proc.returncode)
            continue
        assert proc.returncode == 0, (name, proc.stderr)
        written = Path(env["GITHUB_OUTPUT"])
        for line in written.read_text("utf-8").splitlines() if written.exists() else []:
            key, _, value = line.partition("=")
            outputs[key] = value
    return outputs, ran, gate_stdout


def test_the_action_annotates_or_uploads_sarif_and_fails_after(tmp_path: Path) -> None:
    room = newsroom(tmp_path / "room")
    outputs, ran, stdout = run_action(room, tmp_path, paths="drafts", args="--ignore grammar,spelling")
    assert ran == ["Install factlint", "Run the gate", "Fail on findings"]
    assert outputs["exit-code"] == "1" and outputs["failed-with"] == "1"
    annotations = stdout.splitlines()  # annotations on the pull request, and nothing else
    assert annotations and all(line.startswith("::") for line in annotations)
    assert any(line.startswith("::warning file=drafts/") for line in annotations)
    (tmp_path / "github-output").unlink()
    outputs, ran, stdout = run_action(room, tmp_path, paths="drafts", sarif="true",
                                      args="--ignore grammar,spelling --fail-on error")
    assert ran == ["Install factlint", "Run the gate", "Upload SARIF"]  # passes: nothing to fail
    assert stdout == ""
    sarif = json.loads((room / "factlint.sarif").read_text("utf-8"))
    assert sarif["version"] == "2.1.0" and sarif["runs"][0]["results"]


@pytest.mark.parametrize("draft_fails", [True, False])
def test_the_documented_gitlab_job_runs_and_writes_code_quality(tmp_path: Path, draft_fails: bool) -> None:
    doc = (ROOT / "docs" / "ci.md").read_text("utf-8")
    block = doc.split("<!-- gitlab-job -->", 1)[1].split("```yaml\n", 1)[1].split("```", 1)[0]
    job = yaml.safe_load(block)["factlint"]
    room = newsroom(tmp_path / "room")
    (room / ".factlint.toml").write_text('dialect = "en-GB"\nfail-on = "warning"\nignore = ["grammar", '
                                         '"spelling"]\n', "utf-8")
    if not draft_fails:
        for draft in (room / "drafts").iterdir():
            if draft.name != "library.txt":
                draft.unlink()
    env = {**ci_env(tmp_path), **{k: str(v) for k, v in job["variables"].items()}}
    script = "\n".join(job["before_script"] + job["script"])
    proc = subprocess.run(["bash", "-e", "-c", script], cwd=room, capture_output=True, text=True,
                          env=env, timeout=300)
    assert proc.returncode == (1 if draft_fails else 0), proc.stderr
    report = json.loads((room / job["artifacts"]["reports"]["codequality"]).read_text("utf-8"))
    assert any(issue["severity"] != "info" for issue in report) == draft_fails
    for issue in report:
        assert {"description", "check_name", "fingerprint", "severity", "location"} <= set(issue)
