;;; mtlint.el --- run mtlint in compilation-mode  -*- lexical-binding: t -*-
;; M-x mtlint lints the current buffer's file. mtlint's GNU-style lines
;; (FILE:LINE:COL: SEVERITY: MESSAGE [RULE]) are the form compilation-mode
;; parses out of the box, so next-error, M-g n and the fringe just work.
(require 'compile)

(define-compilation-mode mtlint-mode "mtlint"
  "Compilation mode for mtlint output."
  ;; mtlint counts columns from 1, in characters: not screen columns,
  ;; which a tab or a wide (CJK) character would throw off.
  (setq-local compilation-first-column 1)
  (setq-local compilation-error-screen-columns nil))

(defun mtlint ()
  "Lint the current file with mtlint."
  (interactive)
  (compilation-start (concat "mtlint --format=gnu "
                             (shell-quote-argument (buffer-file-name)))
                     'mtlint-mode))

(provide 'mtlint)
;;; mtlint.el ends here
