/*
 * The on-disk layout of a compiled Hunspell dictionary (forms.h), shared by
 * the reader (forms.c) and the compiler (tools/build_forms.c).
 * Little-endian, native struct layout; every section 8-byte aligned.
 *
 * One slot per case-folded form of ASCII letters that the dictionary's
 * expanded word set (wordset.h) holds, with Hunspell's own verdicts on the
 * form written in lower case, with a capital, and in capitals, asked when
 * the file was made, and for forms ending in -s which of the bases a plural
 * or a verb in -s can have are among Hunspell's stems of the lower-case
 * form (det-number asks). The source files' sizes and modification times are
 * recorded: a file made from another copy of the dictionary is not used.
 */
#ifndef MTL_FORMS_FORMAT_H
#define MTL_FORMS_FORMAT_H

#include "base/hash.h"

#include <stddef.h>
#include <stdint.h>

#define MTL_FORMS_MAGIC "MTLFORMS"
#define MTL_FORMS_VERSION 3

enum { /* verdict bits of a slot: the dictionary alone, and shifted by
          * MTL_FORMS_LIST with the word list compiled in added to it */
    MTL_FORMS_LOWER = 1, /* "paris" accepted */
    MTL_FORMS_TITLE = 2, /* "Paris" */
    MTL_FORMS_UPPER = 4, /* "PARIS" */
    MTL_FORMS_LIST = 3
};

typedef struct mtl_forms_slot {
    uint32_t off;    /* of the folded form in the strings */
    uint8_t len;     /* 0: an empty slot */
    uint8_t verdict; /* MTL_FORMS_* */
    uint16_t stems;  /* of a form in -s: MTL_STEM_* (speller.h) of its
                        Hunspell stems, with the word list compiled in; 0
                        for other forms */
} mtl_forms_slot;

typedef struct mtl_forms_header {
    char magic[8];
    uint32_t version;
    uint32_t slot_bits;    /* 1 << slot_bits slots, at most half used */
    uint64_t file_size;
    int64_t aff_size, aff_mtime_ns; /* the sources, as stat(2) saw them */
    int64_t dic_size, dic_mtime_ns;
    uint64_t words_size;   /* the word list compiled in: its size and */
    uint64_t words_sum;    /* FNV-1a 64; both 0 when none was */
    uint64_t off_slots;    /* mtl_forms_slot[1 << slot_bits] */
    uint64_t off_strings;  /* the folded forms, back to back */
    uint64_t strings_len;
    uint64_t off_grams;    /* the four-letter filter (speller.c), */
    uint64_t grams_len;    /* as built from the .dic alone */
    uint64_t n_forms;
    uint64_t header_check; /* FNV-1a 64 of this header, this field 0 */
    uint32_t curly;        /* 1: Hunspell reads U+2019 as an apostrophe
                              (the .aff's ICONV), as checked on every form
                              with one */
    uint8_t reserved[124]; /* zero */
} mtl_forms_header;

_Static_assert(sizeof(mtl_forms_header) == 256, "header layout");
_Static_assert(sizeof(mtl_forms_slot) == 8, "slot layout");

/* The slot hash of a folded form: FNV-1a 64 with a finaliser. */
static inline uint64_t mtl_forms_hash(const char *s, size_t n)
{
    uint64_t h = mtl_fnv64(MTL_FNV64_INIT, s, n);
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdull;
    h ^= h >> 33;
    return h;
}

static inline uint64_t mtl_forms_header_sum(const mtl_forms_header *h)
{
    mtl_forms_header c = *h;
    c.header_check = 0;
    return mtl_fnv64(MTL_FNV64_INIT, (const char *)&c, sizeof c);
}

#endif
