-- Driven by tests/test_lsp_neovim.py: a real Neovim (0.7 or later) starts `factlint server` as an
-- LSP client would, attaches it to the draft opened on the command line, waits for the
-- diagnostics and writes them, one "line:byte-column rule" per line, to $FACTLINT_NVIM_OUT.
local id = vim.lsp.start_client({
  name = "factlint",
  cmd = { vim.env.FACTLINT_BIN, "server" },
  root_dir = vim.fn.expand("%:p:h"),
})
vim.lsp.buf_attach_client(0, id)
local want = tonumber(vim.env.FACTLINT_NVIM_WANT)
vim.wait(120000, function() return #vim.diagnostic.get(0) >= want end, 100)
vim.wait(1000) -- a late second publish (the grammar pass) would change the count
local out = {}
for _, d in ipairs(vim.diagnostic.get(0)) do
  table.insert(out, string.format("%d:%d %s", d.lnum + 1, d.col, d.code or ""))
end
vim.fn.writefile(out, vim.env.FACTLINT_NVIM_OUT)
vim.lsp.stop_client(id)
vim.cmd("qa!")
