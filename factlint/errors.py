"""Errors that end a run with exit code 2 and one clear line."""

from __future__ import annotations


class FactlintError(Exception):
    """A usage, configuration or input error: reported as one line, exit code 2."""
