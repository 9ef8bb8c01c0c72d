-- Neovim's own LSP client (0.7) against `archc lsp`, headless:
--   ARCHC=build/archc FILE=/tmp/x/site.arch nvim --headless --clean -c 'luafile neovim.lua'
-- Opens FILE (written here), waits for its diagnostics, asks for a hover and
-- a definition, and quits with status 0, or 1 with the first difference.
local archc, file = os.getenv('ARCHC'), os.getenv('FILE')

local function finish(ok, message)
  io.stdout:write((ok and 'lsp neovim: ' or 'FAIL: ') .. message .. '\n')
  vim.cmd(ok and 'qall!' or 'cquit 1')
end

local lines = {
  'stack "lab" { region = "ap-northeast-2" }',
  'vpc "lab" {',
  '  cidr  = "10.1.0.0/16"',
  '  zones = ["a", "c"]',
  '  subnet "public" { public = true, cidrs = ["10.1.1.0/24", "10.1.2.0/24"] }',
  '  subnet "app"    { cidrs = ["10.1.3.0/24", "10.1.4.0/24"] }',
  '}',
  'sg-chain "web" {',
  '  internet -> alb.web : http',
  '  alb.web  -> asg.app : http',
  '}',
  'alb "web" {',
  '  subnets = vpc.lab.public',
  '  listener "http" { port = 80, forward = asg.app }',
  '}',
  'asg "app" {',
  '  subnets = vpc.lab.ap',
  '  min = 2, max = 4',
  '}',
}
vim.fn.writefile(lines, file)
vim.cmd('edit ' .. file)
local buf = vim.api.nvim_get_current_buf()
local client = vim.lsp.start_client({ name = 'archc', cmd = { archc, 'lsp' }, root_dir = vim.fn.fnamemodify(file, ':h') })
if not client then return finish(false, 'archc lsp did not start') end
vim.lsp.buf_attach_client(buf, client)

-- Diagnostics: the misspelt tier, and nothing else.
if not vim.wait(20000, function() return #vim.diagnostic.get(buf) > 0 end, 50) then
  return finish(false, 'no diagnostics within 20 s')
end
local all = vim.diagnostic.get(buf)
if #all ~= 1 then return finish(false, #all .. ' diagnostics: ' .. vim.inspect(all)) end
local d = all[1]
local got = string.format('%d:%d %s %s', d.lnum, d.col, d.source or '', d.message)
if got ~= '16:20 archc vpc `lab` has no subnet tier `ap`' then return finish(false, 'diagnostic: ' .. got) end
if d.severity ~= vim.diagnostic.severity.ERROR then return finish(false, 'severity ' .. d.severity) end

local c = vim.lsp.get_client_by_id(client)
local function request(method, line, character)
  local params = { textDocument = { uri = vim.uri_from_bufnr(buf) }, position = { line = line, character = character } }
  local response = c.request_sync(method, params, 10000, buf)
  return response and response.result
end

-- Hover on `public` in `vpc.lab.public`: the tier's CIDRs.
local hover = request('textDocument/hover', 12, 20)
local text = hover and hover.contents and hover.contents.value or ''
if not (text:find('10.1.1.0/24', 1, true) and text:find('10.1.2.0/24', 1, true)) then
  return finish(false, 'hover: ' .. vim.inspect(hover))
end

-- Definition of `app` in `forward = asg.app`: the label of asg "app".
local def = request('textDocument/definition', 13, 46)
local at = def and (def.range or (def[1] and def[1].range))
if not at or at.start.line ~= 15 or at.start.character ~= 5 or at['end'].character ~= 8 then
  return finish(false, 'definition: ' .. vim.inspect(def))
end

vim.lsp.stop_client(client)
vim.wait(5000, function() return vim.lsp.get_client_by_id(client) == nil end, 50)
finish(true, 'ok')
