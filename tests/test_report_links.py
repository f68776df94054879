"""What reports and `factlint init` point newsrooms at is true: SARIF rule help comes from the
rule's own documentation, a help URI only where a real page exists (the rule's link or the config's
rule-docs-url), and the pre-commit hook `init` writes runs for real."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from factlint.engine import all_specs
from factlint.reporters.sarif import _rule
from gate_drafts import CLEAN, FAST, ROOT, SCHEMAS, factlint, newsroom

BIN = Path(sys.executable).parent
PRE_COMMIT = shutil.which("pre-commit") or str(BIN / "pre-commit")


def sarif(room: Path) -> dict:  # type: ignore[type-arg]
    proc = factlint("check", "drafts", "--format", "sarif", *FAST, cwd=room)
    assert proc.returncode == 1, proc.stderr
    return json.loads(proc.stdout)  # type: ignore[no-any-return]


def test_sarif_rules_carry_their_documentation_and_no_invented_links(tmp_path: Path) -> None:
    import jsonschema

    room = newsroom(tmp_path)
    report = sarif(room)
    jsonschema.Draft4Validator(json.loads((SCHEMAS / "sarif-schema-2.1.0.json").read_text("utf-8"))
                               ).validate(report)
    assert "your-org" not in json.dumps(report)
    driver = report["runs"][0]["tool"]["driver"]
    assert "informationUri" not in driver
    specs = {spec.id: spec for spec in all_specs()}
    rules = {rule["id"]: rule for rule in driver["rules"]}
    assert {"consistency/spelling", "sourcing/vague"} <= set(rules)
    for rule_id, rule in rules.items():
        spec = specs[rule_id]
        assert ("helpUri" in rule) == bool(spec.link)  # the built-in rules these drafts fire
        assert spec.summary in rule["help"]["text"] and f"factlint explain {rule_id}" in rule[
            "help"]["markdown"]
        assert spec.examples.bad.strip().splitlines()[0] in rule["help"]["markdown"]
        assert rule["fullDescription"]["text"] == spec.rationale.strip()


def test_the_configs_rule_docs_url_links_every_rule_without_its_own_link(tmp_path: Path) -> None:
    room = newsroom(tmp_path)
    config = room / ".factlint.toml"
    config.write_text(config.read_text("utf-8")
                      + 'rule-docs-url = "https://wiki.example.org/style/factlint#{rule}"\n', "utf-8")
    rules = {rule["id"]: rule for rule in sarif(room)["runs"][0]["tool"]["driver"]["rules"]}
    assert rules["sourcing/vague"]["helpUri"] == (
        "https://wiki.example.org/style/factlint#sourcing/vague")


def test_a_rules_own_link_wins_over_the_docs_url() -> None:
    linked = next(spec for spec in all_specs() if spec.link)
    rule = _rule(linked.id, linked, "https://wiki.example.org/{rule}")
    assert rule["helpUri"] == linked.link
    assert "helpUri" not in _rule("grammar/lt:SOME_RULE", None, None)


def test_init_writes_a_local_hook_with_the_filters_of_factlints_own_hook(tmp_path: Path) -> None:
    assert factlint("init", "--dialect", "en-GB", cwd=tmp_path).returncode == 0
    written = yaml.safe_load((tmp_path / ".pre-commit-config.yaml").read_text("utf-8"))
    assert "your-org" not in (tmp_path / ".pre-commit-config.yaml").read_text("utf-8")
    (repo,) = written["repos"]
    (hook,) = repo["hooks"]
    (ours,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text("utf-8"))
    assert repo["repo"] == "local" and hook["language"] == "system"
    for key in ("id", "entry", "types_or", "files"):
        assert hook[key] == ours[key], key


def test_init_with_a_hook_repo_writes_the_remote_hook(tmp_path: Path) -> None:
    url = "https://git.example.org/newsroom/factlint"
    proc = factlint("init", "--dialect", "en-GB", "--hook-repo", url, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    (repo,) = yaml.safe_load((tmp_path / ".pre-commit-config.yaml").read_text("utf-8"))["repos"]
    assert repo["repo"] == url and repo["rev"].startswith("v") and repo["hooks"][0]["id"] == "factlint"


@pytest.mark.skipif(not Path(PRE_COMMIT).exists(), reason="needs the pre-commit tool")
def test_the_hook_init_writes_runs_in_real_pre_commit(tmp_path: Path) -> None:
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}",
           "PRE_COMMIT_COLOR": "never", "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home")}
    repo = tmp_path / "newsroom"
    repo.mkdir()
    for args in (["init", "-q"], ["config", "user.email", "desk@example.com"],
                 ["config", "user.name", "Desk"]):
        subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)
    assert factlint("init", "--dialect", "en-GB", cwd=repo).returncode == 0
    config = repo / ".factlint.toml"
    config.write_text(config.read_text("utf-8").replace('backend = "harper"', 'backend = "none"'),
                      "utf-8")
    draft = repo / "story.md"

    def run_hook(text: str) -> subprocess.CompletedProcess[str]:
        draft.write_text(text, "utf-8")
        subprocess.run(["git", "add", "."], cwd=repo, check=True, capture_output=True)
        return subprocess.run([PRE_COMMIT, "run", "factlint", "--files", "story.md"], cwd=repo,
                              capture_output=True, text=True, timeout=300, env=env)

    bad = run_hook(CLEAN.replace("Council said", "Council said. The defense plan was approved"
                                 " and the defence budget was set"))
    assert bad.returncode == 1 and "consistency/spelling" in bad.stdout, bad.stdout + bad.stderr
    clean = run_hook(CLEAN)
    assert clean.returncode == 0 and "Passed" in clean.stdout, clean.stdout + clean.stderr
