/*
 * The sounds of speech that dictionaries leave out: "Hmmm", "Ahh", "Mhm",
 * "Errr", "Grr", "Hahaha", "Pfft". Transcripts, interviews and dialogue
 * write them with as many letters as the speaker drew them out, so they
 * are recognised by shape: runs of one letter count once, and a laugh's
 * syllables count once, before the word is looked up among a few bases.
 */
#ifndef MTL_INTERJECTION_H
#define MTL_INTERJECTION_H

#include "text/doc.h"

#include <stddef.h>

/* Is the word (ASCII letters, any case) an interjection of this kind? */
int mtl_is_interjection(const char *word, size_t len);

/* Is the document talk written down: a transcript, a vlog, a chat? Its
 * lines alternate between speakers ("THE COURT: ...", "[00:00:05] Priya:
 * ...": two labels, each opening two lines or more), or its words have the
 * sounds and fillers of speech ("uh", "oh", "yeah", "gonna") at least
 * MTL_SPOKEN_PER_1000 in 1,000 words, three at least. Talk leaves out
 * verbs and subjects on purpose ("Always coffee.", "Went to the store.");
 * edited prose, and the translations mtlint checks, do not. */
#define MTL_SPOKEN_PER_1000 8
int mtl_is_spoken(const mtl_doc *doc);

#endif
