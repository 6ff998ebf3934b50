-- Headless Neovim as a second LSP client of juesuan-lint (Neovim 0.7 and later).
--
--   nvim --headless --clean -u NONE -n -c "luafile test/neovim/probe.lua" REPORT.txt
--
-- Environment:
--   SERVER_CMD         server command line, split on spaces (required)
--   EXPECT_CODE        rule id of the diagnostic to fix (e.g. share-mismatch)
--   EXPECT_LINE        1-based line of that diagnostic
--   EXPECT_TITLE       plain substring of the code action title to apply
--   EXPECT_LINE_AFTER  the exact text of that line after the fix
--   EXPECT_HOVER       plain substring the hover on the diagnostic must contain (optional)
--   PROBE_TIMEOUT_MS   wait limit for each step (default 20000)
--
-- Prints one JSON object per line (diagnostics, actions, hover, result) and exits 0 on success,
-- 1 with a "PROBE FAIL: why" line otherwise. The code-action context is built the way Neovim 0.7's
-- own :lua vim.lsp.buf.code_action() builds it (byte columns), which the server must tolerate.
local uv = vim.uv or vim.loop
local client_id
local function out(v) io.stdout:write(type(v) == "string" and v or vim.fn.json_encode(v), "\n"); io.stdout:flush() end

local function finish(code, why)
  out(why and ("PROBE FAIL: " .. why) or "PROBE OK")
  if client_id and vim.lsp.get_client_by_id(client_id) then
    vim.lsp.stop_client(client_id)
    local gone = function() return vim.lsp.get_client_by_id(client_id) == nil end
    if not vim.wait(2000, gone, 10) then vim.lsp.stop_client(client_id, true); vim.wait(500, gone, 10) end
  end
  vim.cmd("silent! %bwipeout!") -- never leave a modified buffer (or its swap file) behind
  os.exit(code)
end

local function env(name, default)
  local v = os.getenv(name)
  if v == nil or v == "" then
    if default == nil then finish(1, "missing environment variable " .. name) end
    return default
  end
  return v
end

local cmd = vim.split(env("SERVER_CMD"), " ", { trimempty = true })
local code = env("EXPECT_CODE")
local line = tonumber(env("EXPECT_LINE"))
local title = env("EXPECT_TITLE")
local expected_after = env("EXPECT_LINE_AFTER")
local expect_hover = os.getenv("EXPECT_HOVER")
local timeout = tonumber(env("PROBE_TIMEOUT_MS", "20000"))

local bufnr = vim.api.nvim_get_current_buf()
if vim.api.nvim_buf_get_name(bufnr) == "" then finish(1, "no file given") end

local config = {
  name = "juesuan-lint",
  cmd = cmd,
  root_dir = vim.fn.fnamemodify(vim.api.nvim_buf_get_name(bufnr), ":p:h"),
  settings = {}, -- workspace/configuration gets null for juesuanLint: the server must use defaults
}
if vim.lsp.start then
  client_id = vim.lsp.start(config)
else
  client_id = vim.lsp.start_client(config)
  if client_id then vim.lsp.buf_attach_client(bufnr, client_id) end
end
if not client_id then finish(1, "could not start " .. table.concat(cmd, " ")) end

local function target()
  for _, d in ipairs(vim.diagnostic.get(bufnr, { lnum = line - 1 })) do
    if d.code == code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code == code) then return d end
  end
end
local died = false
local ok = vim.wait(timeout, function()
  if vim.lsp.get_client_by_id(client_id) == nil then died = true; return true end
  return target() ~= nil
end, 10)
if died then finish(1, "server exited") end
if not ok then finish(1, "no " .. code .. " diagnostic on line " .. line) end

for _, d in ipairs(vim.diagnostic.get(bufnr)) do
  out({ line = d.lnum + 1, col = d.col + 1, code = d.code, source = d.source, message = d.message })
end

local diag = target()
local client = vim.lsp.get_client_by_id(client_id)
local enc = client.offset_encoding or "utf-16"
local text = vim.api.nvim_buf_get_lines(bufnr, line - 1, line, false)[1]

-- Hover on the flagged number: the position must be converted from bytes to UTF-16.
if expect_hover then
  local u32, u16 = vim.str_utfindex(text, diag.col)
  local pos = { line = line - 1, character = (enc == "utf-8") and diag.col or (enc == "utf-32") and u32 or u16 }
  local res = vim.lsp.buf_request_sync(bufnr, "textDocument/hover", { textDocument = vim.lsp.util.make_text_document_params(bufnr), position = pos }, timeout)
  local value
  for _, r in pairs(res or {}) do
    if r.result and r.result.contents then value = r.result.contents.value or r.result.contents end
  end
  out({ hover = value })
  if type(value) ~= "string" or not value:find(expect_hover, 1, true) then finish(1, "hover does not contain " .. expect_hover) end
end

-- Context diagnostics as Neovim 0.7's code_action() sends them: byte columns copied into `character`.
local echoed = {
  range = { start = { line = diag.lnum, character = diag.col }, ["end"] = { line = diag.end_lnum or diag.lnum, character = diag.end_col or diag.col } },
  severity = diag.severity, message = diag.message, source = diag.source, code = diag.code,
}
local params = {
  textDocument = vim.lsp.util.make_text_document_params(bufnr),
  range = { start = { line = line - 1, character = 0 }, ["end"] = { line = line - 1, character = #text } },
  context = { diagnostics = { echoed } },
}
local res = vim.lsp.buf_request_sync(bufnr, "textDocument/codeAction", params, timeout)
local chosen
for _, r in pairs(res or {}) do
  if r.error then finish(1, "codeAction error: " .. vim.fn.json_encode(r.error)) end
  for _, a in ipairs(r.result or {}) do
    out({ action = a.title, kind = a.kind, preferred = a.isPreferred or false })
    if not chosen and a.title:find(title, 1, true) then chosen = a end
  end
end
if not chosen then finish(1, "no code action titled like " .. title) end
if not chosen.edit then finish(1, "code action without edit") end
vim.lsp.util.apply_workspace_edit(chosen.edit, enc)
local after = vim.api.nvim_buf_get_lines(bufnr, line - 1, line, false)[1]
out({ before = text, after = after })
if after ~= expected_after then finish(1, "line after the fix differs: " .. after) end

-- The edit reaches the server as didChange; the diagnostic must go away.
local cleared = vim.wait(timeout, function() return target() == nil end, 10)
out({ cleared = cleared })
if not cleared then finish(1, code .. " diagnostic still present after the fix") end
finish(0)
