/*
 * The sounds of speech that dictionaries leave out: "Hmmm", "Ahh", "Mhm",
 * "Errr", "Grr", "Hahaha", "Pfft". Transcripts, interviews and dialogue
 * write them with as many letters as the speaker drew them out, so they
 * are recognised by shape: runs of one letter count once, and a laugh's
 * syllables count once, before the word is looked up among a few bases.
 */
#ifndef MTL_INTERJECTION_H
#define MTL_INTERJECTION_H

#include <stddef.h>

/* Is the word (ASCII letters, any case) an interjection of this kind? */
int mtl_is_interjection(const char *word, size_t len);

#endif
