-- mtlint as a language server in Neovim's built-in LSP client: diagnostics
-- as you type and quick fixes (vim.lsp.buf.code_action()) in text and
-- Markdown buffers. Works with Neovim 0.7 (Debian 12) and later.
--
-- Put this file in ~/.config/nvim/lua/mtlint-lsp.lua, then in init.lua:
--
--   require('mtlint-lsp').setup()
--   vim.keymap.set('n', '<leader>a', vim.lsp.buf.code_action)
--
-- setup() takes the client's settings too, for example
--   require('mtlint-lsp').setup({ settings = { rules = { fragment = 'off' } } })
local M = {}

local function root_of(bufnr)
  local name = vim.api.nvim_buf_get_name(bufnr)
  local dir = name ~= '' and vim.fn.fnamemodify(name, ':p:h') or vim.fn.getcwd()
  -- the nearest folder with .mtlint.ini or .git, else the file's own
  local found = vim.fn.finddir('.git', dir .. ';')
  local ini = vim.fn.findfile('.mtlint.ini', dir .. ';')
  if ini ~= '' then
    return vim.fn.fnamemodify(ini, ':p:h')
  elseif found ~= '' then
    return vim.fn.fnamemodify(found, ':p:h:h')
  end
  return dir
end

function M.setup(opts)
  opts = opts or {}
  local config = {
    name = 'mtlint',
    cmd = opts.cmd or { 'mtlint', '--lsp' },
    init_options = { mtlint = opts.settings or vim.empty_dict() },
  }
  local clients = {} -- one client per root folder (Neovim 0.7)
  vim.api.nvim_create_autocmd('FileType', {
    pattern = opts.filetypes or { 'text', 'markdown' },
    callback = function(args)
      local c = vim.tbl_extend('force', config, { root_dir = root_of(args.buf) })
      if vim.lsp.start then -- Neovim 0.8 and later
        vim.lsp.start(c, { bufnr = args.buf })
        return
      end
      local id = clients[c.root_dir]
      if not id or not vim.lsp.get_client_by_id(id) then
        c.workspace_folders = { { uri = vim.uri_from_fname(c.root_dir), name = c.root_dir } }
        id = vim.lsp.start_client(c)
        clients[c.root_dir] = id
      end
      if id then
        vim.lsp.buf_attach_client(args.buf, id)
      end
    end,
  })
end

return M
