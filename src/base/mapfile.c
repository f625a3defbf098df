#include "base/mapfile.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

int mtl_map_open(const char *path, size_t min_size, mtl_mapfile *m)
{
    m->base = NULL;
    m->size = 0;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    struct stat st;
    if (fstat(fd, &st) != 0) {
        int err = errno;
        close(fd);
        errno = err;
        return -1;
    }
    if (!S_ISREG(st.st_mode) || (uint64_t)st.st_size < min_size) {
        close(fd);
        errno = EINVAL;
        return -1;
    }
    if (st.st_size == 0) { /* nothing to map */
        close(fd);
        return 0;
    }
    void *p = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_SHARED, fd, 0);
    int err = errno;
    close(fd);
    if (p == MAP_FAILED) {
        errno = err;
        return -1;
    }
    m->base = p;
    m->size = (size_t)st.st_size;
    return 0;
}

void mtl_map_close(mtl_mapfile *m)
{
    if (m->base)
        munmap((void *)m->base, m->size);
    m->base = NULL;
    m->size = 0;
}

void mtl_map_random(const mtl_mapfile *m)
{
    if (m->base)
        madvise((void *)m->base, m->size, MADV_RANDOM);
}

int mtl_map_inside(uint64_t off, uint64_t len, uint64_t size, size_t header,
                   uint64_t align)
{
    return off % align == 0 && off >= header && off <= size &&
           len <= size - off;
}

int mtl_file_stamp_of(const char *path, mtl_file_stamp *out)
{
    struct stat st;
    if (stat(path, &st) != 0)
        return -1;
    out->size = (int64_t)st.st_size;
    out->mtime_ns = (int64_t)st.st_mtim.tv_sec * 1000000000 + st.st_mtim.tv_nsec;
    return 0;
}

int mtl_file_stamp_matches(const char *path, int64_t size, int64_t mtime_ns)
{
    mtl_file_stamp s;
    return mtl_file_stamp_of(path, &s) == 0 && s.size == size &&
           s.mtime_ns == mtime_ns;
}

int mtl_map_write_open(mtl_map_writer *w, const char *path)
{
    size_t n = strlen(path);
    w->path = path;
    w->f = NULL;
    w->tmp = malloc(n + sizeof ".tmp");
    if (!w->tmp) {
        errno = ENOMEM;
        return -1;
    }
    memcpy(w->tmp, path, n);
    memcpy(w->tmp + n, ".tmp", sizeof ".tmp");
    w->f = fopen(w->tmp, "wb");
    if (!w->f) {
        int err = errno;
        free(w->tmp);
        w->tmp = NULL;
        errno = err;
        return -1;
    }
    return 0;
}

int mtl_map_write_close(mtl_map_writer *w, int ok)
{
    int err = ok ? 0 : (errno ? errno : EIO);
    if (ok && ferror(w->f))
        err = EIO;
    if (fclose(w->f) != 0 && !err)
        err = errno ? errno : EIO;
    if (!err && rename(w->tmp, w->path) != 0)
        err = errno;
    if (err)
        remove(w->tmp);
    free(w->tmp);
    w->f = NULL;
    w->tmp = NULL;
    errno = err;
    return err ? -1 : 0;
}
