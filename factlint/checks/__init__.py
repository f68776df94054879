"""Rules that need code: one small module per check, each reading shared analysis."""
