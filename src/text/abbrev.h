/*
 * Abbreviations and initials: words whose full stop may stand right before
 * a comma or another mark ("Inc.,", "U.S.?", "R-Fla.,"). Some are also
 * words ("Ill.", "Wash."), so this does not say that a dot ends no
 * sentence: segment.c keeps its own, stricter list for that.
 */
#ifndef MTL_ABBREV_H
#define MTL_ABBREV_H

#include "text/doc.h"

#include <stddef.h>

/* Is norm (a normal form without its final dot: "inc", "u.s", "e.g") a
 * known abbreviation? */
int mtl_is_abbrev(const char *norm);

/* Is token i a "." glued to a word that is an abbreviation: a known one, one
 * with an inner dot (U.S., Ph.D.) or a single letter (the J. of J. R. R.)? */
int mtl_abbrev_dot(const mtl_doc *doc, size_t i);

#endif
