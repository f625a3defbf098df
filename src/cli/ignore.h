/* The files git ignores, for directory walks (ignore.c). */
#ifndef MTL_IGNORE_H
#define MTL_IGNORE_H

typedef struct git_ignores git_ignores;

/* The ignore rules for walking dir, or NULL when dir is not inside a git
 * work tree (then nothing is ignored). */
git_ignores *git_ignores_open(const char *dir);
/* Does git ignore path, a path found by walking the directory given to
 * git_ignores_open (dir + "/" + ...)? A NULL g ignores nothing. */
int git_ignores_match(const git_ignores *g, const char *path, int is_dir);
/* Accepts NULL. */
void git_ignores_close(git_ignores *g);

#endif
