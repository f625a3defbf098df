/*
 * The on-disk layout of a compiled Hunspell dictionary (forms.h), shared by
 * the reader (forms.c) and the compiler (tools/build_forms.c).
 * Little-endian, native struct layout; every section 8-byte aligned.
 *
 * One slot per case-folded form that the dictionary's expanded word set
 * (wordset.h) holds and forms.c can fold (letters with a known case pair,
 * apostrophes, hyphens, digits: mtl_forms_key), with Hunspell's own verdicts
 * on the form written in lower case, with a capital, and in capitals, asked
 * when the file was made, and for forms ending in -s which of the bases a
 * plural or a verb in -s can have are among Hunspell's stems of the
 * lower-case form (det-number asks). A second table holds the forms spelt
 * with capitals inside ("McDonald", "iPhone") exactly as the expanded set
 * spells them, with Hunspell's verdict on that spelling. The source files'
 * sizes and modification times are recorded: a file made from another copy
 * of the dictionary is not used.
 */
#ifndef MTL_FORMS_FORMAT_H
#define MTL_FORMS_FORMAT_H

#include "base/hash.h"

#include <stddef.h>
#include <stdint.h>

#define MTL_FORMS_MAGIC "MTLFORMS"
#define MTL_FORMS_VERSION 4
#define MTL_FORMS_MAX_LISTS 4

enum { /* verdict bits of a slot: the dictionary alone, and shifted by
          * MTL_FORMS_LIST with the word list compiled in added to it */
    MTL_FORMS_LOWER = 1, /* "paris" accepted */
    MTL_FORMS_TITLE = 2, /* "Paris" */
    MTL_FORMS_UPPER = 4, /* "PARIS" */
    MTL_FORMS_LIST = 3,
    MTL_FORMS_EXACT = 1 /* of a slot of the exact table: accepted as spelt */
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
    uint32_t whole;        /* 1: the compiler checked the .aff and .dic for
                              what lets forms.c judge words with hyphens,
                              capitals inside or letters beyond ASCII
                              (build_forms.c); 0: it judges letter words in
                              lower case, with a capital or in capitals only */
    uint64_t off_exact;    /* mtl_forms_slot[1 << exact_bits], keyed by */
    uint32_t exact_bits;   /* the form as spelt */
    uint32_t n_lists;      /* word lists compiled in, added to the dictionary
                              for the verdicts shifted by MTL_FORMS_LIST: */
    uint64_t list_size[MTL_FORMS_MAX_LISTS]; /* their sizes and FNV-1a 64 */
    uint64_t list_sum[MTL_FORMS_MAX_LISTS];
    uint64_t off_chars;    /* uint32_t[n_chars], ascending: every character */
    uint32_t n_chars;      /* a form of the expanded set holds */
    uint8_t reserved[44];  /* zero */
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
