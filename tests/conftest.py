from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# The tests read the cache each project keeps (.factlint_cache) and the user's cache folder
# (~/.cache/factlint: the regex cache, a LanguageTool install); a FACTLINT_CACHE_DIR set in the
# shell would move them, so the whole session, collection included, runs without it. The tests
# that need it set it themselves.
os.environ.pop("FACTLINT_CACHE_DIR", None)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-fixtures", action="store_true",
        help="Rewrite fixtures/**/*.expected.json from the current output (review the diff!)",
    )


@pytest.fixture
def update_fixtures(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-fixtures"))
