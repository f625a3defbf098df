/*
 * A fuzz target without libFuzzer: runs it on the files named on the
 * command line, and on every file of the directories named, in name order.
 * The test suite replays tests/fuzz/regress/TARGET/ this way, in the gcc
 * and sanitizer builds alike, so that every input a fuzzer ever failed on
 * stays fixed.
 */
#include "fuzz.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static size_t replayed;

static void replay_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    FUZZ_CHECK(f, "cannot open %s", path);
    uint8_t *data = NULL;
    size_t len = 0, cap = 0, got;
    do {
        if (len == cap) {
            cap = cap ? cap * 2 : 4096;
            data = realloc(data, cap);
            FUZZ_CHECK(data, "out of memory reading %s", path);
        }
        got = fread(data + len, 1, cap - len, f);
        len += got;
    } while (got > 0);
    FUZZ_CHECK(!ferror(f), "cannot read %s", path);
    fclose(f);
    fprintf(stderr, "replay: %s (%zu bytes)\n", path, len);
    /* a copy of exactly len bytes, so that ASan sees any read past it */
    uint8_t *exact = malloc(len ? len : 1);
    FUZZ_CHECK(exact, "out of memory");
    memcpy(exact, data, len);
    free(data);
    LLVMFuzzerTestOneInput(exact, len);
    free(exact);
    replayed++;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void replay_dir(const char *dir)
{
    DIR *d = opendir(dir);
    FUZZ_CHECK(d, "cannot open %s", dir);
    char **names = NULL;
    size_t n = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        names = realloc(names, (n + 1) * sizeof *names);
        FUZZ_CHECK(names, "out of memory");
        size_t k = strlen(dir) + strlen(e->d_name) + 2;
        names[n] = malloc(k);
        FUZZ_CHECK(names[n], "out of memory");
        snprintf(names[n++], k, "%s/%s", dir, e->d_name);
    }
    closedir(d);
    if (n)
        qsort(names, n, sizeof *names, by_name);
    for (size_t i = 0; i < n; i++) {
        replay_file(names[i]);
        free(names[i]);
    }
    free(names);
}

int main(int argc, char **argv)
{
    LLVMFuzzerInitialize(&argc, &argv);
    for (int i = 1; i < argc; i++) {
        struct stat st;
        FUZZ_CHECK(stat(argv[i], &st) == 0, "no such file: %s", argv[i]);
        if (S_ISDIR(st.st_mode))
            replay_dir(argv[i]);
        else
            replay_file(argv[i]);
    }
    printf("replayed %zu inputs\n", replayed);
    return 0;
}
