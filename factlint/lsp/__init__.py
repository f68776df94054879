"""`factlint server`: a language server (LSP over stdio, on pygls) so editors show findings live.

Only ``factlint server`` imports this package's server module, and with it pygls (the ``lsp``
extra); `factlint check` never does.
"""
