" mtlint for Vim: :make lints the current file into the quickfix list.
" Put in ~/.vim/after/ftplugin/markdown.vim and text.vim (or source it).
" Vim counts columns in bytes, so ask mtlint for byte columns.
setlocal makeprg=mtlint\ --format=gnu\ --column-unit=byte\ %:S
setlocal errorformat=%f:%l:%c:\ %trror:\ %m,%f:%l:%c:\ %tarning:\ %m,%f:%l:%c:\ %tote:\ %m
