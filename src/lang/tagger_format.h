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

#endif
