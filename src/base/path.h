/* File paths spelled in different ways (./a, a, /abs/a, ../x/a) brought to
 * one form, so that a path recorded once still matches later. */
#ifndef MTL_PATH_H
#define MTL_PATH_H

/* An absolute path for path, which may not exist: symbolic links resolved
 * when it exists, otherwise "." and ".." and repeated slashes removed from
 * the current directory joined with it. NULL when out of memory. */
char *mtl_path_absolute(const char *path);

/* The path of file as seen from directory dir (both taken through
 * mtl_path_absolute): "a.md", "sub/a.md" or "../other/a.md". NULL when out
 * of memory. */
char *mtl_path_relative(const char *dir, const char *file);

#endif
