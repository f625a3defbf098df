;;; mtlint-eglot.el --- mtlint as a language server in Emacs, with Eglot  -*- lexical-binding: t -*-

;; Diagnostics as you type (Flymake) and quick fixes (M-x eglot-code-actions)
;; in text and Markdown buffers.  Eglot is part of Emacs 29 and later; on
;; Emacs 28 (Debian 12) install the elpa-eglot package.
;;
;; Load this file from your init file, or copy its forms there:
;;
;;   (load "/path/to/mtlint-eglot.el")

;;; Code:

(require 'eglot)

(add-to-list 'eglot-server-programs
             '((text-mode markdown-mode gfm-mode) . ("mtlint" "--lsp")))

(defun mtlint-eglot-maybe-start ()
  "Start mtlint in a text or Markdown buffer (not in modes derived from them)."
  (when (memq major-mode '(text-mode markdown-mode gfm-mode))
    (eglot-ensure)))

(add-hook 'text-mode-hook #'mtlint-eglot-maybe-start)
(add-hook 'markdown-mode-hook #'mtlint-eglot-maybe-start)

(provide 'mtlint-eglot)
;;; mtlint-eglot.el ends here
