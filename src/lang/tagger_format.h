/*
 * The tagger's model file, shared by the loader (tagger.c) and the trainer
 * (tools/train_tagger.c). All integers little-endian:
 *
 *     "MTLTAG01"
 *     u32 n_classes, n_features, n_entries, n_lexicon
 *     u32 key[n_features]        feature keys, in any order
 *     u8  count[n_features]      how many class weights each feature has
 *     u8  class[n_entries]       the weights, feature by feature
 *     i16 weight[n_entries]
 *     u32 lex_key[n_lexicon]     the lexicon: words seen in training
 *     u16 lex_amb[n_lexicon]     and their ambiguity classes
 *
 * Only non-zero weights are stored, so a feature costs 4 + 1 + 3 per class
 * it votes for. Keys are never 0 (0 marks an empty slot when loaded).
 */
#ifndef MTL_TAGGER_FORMAT_H
#define MTL_TAGGER_FORMAT_H

#include "base/hash.h"

#include <stdint.h>

#define MTL_TAGGER_MAGIC "MTLTAG01"
#define MTL_TAGGER_MAGIC_LEN 8
#define MTL_TAGGER_HEADER_LEN (MTL_TAGGER_MAGIC_LEN + 4 * 4)

/* The size of a file with these counts (64 bits: a corrupt header must not
 * overflow the check). */
static inline uint64_t mtl_tagger_file_size(uint32_t n_features,
                                            uint32_t n_entries,
                                            uint32_t n_lexicon)
{
    return MTL_TAGGER_HEADER_LEN + 5ull * n_features + 3ull * n_entries +
           6ull * n_lexicon;
}

/*
 * The same model with the loader's tables built, as a file to map (made at
 * build time by tools/build_tagger beside the model, as MODEL.map), so that
 * start-up builds nothing. Native struct layout; every section 8-byte
 * aligned; the model file's size and modification time are recorded, and
 * a map made from another copy of the model is not used.
 *
 *     slots   {u32 key, u32 first entry << 8 | entries}[mask + 1]
 *     classes u8[n_entries], weights i16[n_entries]
 *     lexicon u32 key[lex_mask + 1], u16 amb[lex_mask + 1]
 */
#define MTL_TAGGER_MAP_MAGIC "MTLTAGMP"
#define MTL_TAGGER_MAP_VERSION 1

typedef struct mtl_tagger_map_header {
    char magic[8];
    uint32_t version;
    uint32_t mask, lex_mask;        /* open-addressing tables: size - 1 */
    uint32_t n_features, n_entries;
    uint32_t zero;
    uint64_t file_size;
    int64_t src_size, src_mtime_ns; /* the model file, as stat(2) saw it */
    uint64_t off_slots, off_classes, off_weights, off_lex_keys, off_lex_amb;
    uint64_t header_check;          /* FNV-1a 64 of this header, this 0 */
    uint8_t reserved[24];           /* zero */
} mtl_tagger_map_header;

_Static_assert(sizeof(mtl_tagger_map_header) == 128, "header layout");

static inline uint64_t mtl_tagger_map_sum(const mtl_tagger_map_header *h)
{
    mtl_tagger_map_header c = *h;
    c.header_check = 0;
    return mtl_fnv64(MTL_FNV64_INIT, (const char *)&c, sizeof c);
}

#endif
