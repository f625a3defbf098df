/*
 * English names of languages (langnames.h): the languages machine
 * translation into English most often comes from, and the others a
 * newsroom is likely to name.
 */
#include "lang/langnames.h"

#include "base/strlist.h"

static const char *const names[] = {
    "afrikaans", "albanian", "amharic", "arabic", "armenian", "basque",
    "belarusian", "bengali", "bosnian", "bulgarian", "burmese", "cantonese",
    "catalan", "chinese", "creole", "croatian", "czech", "danish", "dutch",
    "english", "estonian", "farsi", "finnish", "french", "gaelic",
    "georgian", "german", "greek", "gujarati", "hausa", "hawaiian",
    "hebrew", "hindi", "hungarian", "icelandic", "igbo", "indonesian",
    "irish", "italian", "japanese", "kannada", "kazakh", "khmer", "korean",
    "kurdish", "lao", "latin", "latvian", "lithuanian", "macedonian",
    "malay", "malayalam", "maltese", "mandarin", "maori", "marathi",
    "mongolian", "nepali", "norwegian", "pashto", "persian", "polish",
    "portuguese", "punjabi", "quechua", "romanian", "russian", "sanskrit",
    "serbian", "sinhala", "sinhalese", "slovak", "slovene", "slovenian",
    "somali", "spanish", "swahili", "swedish", "tagalog", "tajik", "tamil",
    "telugu", "thai", "tibetan", "turkish", "ukrainian", "urdu", "uyghur",
    "uzbek", "vietnamese", "welsh", "yiddish", "yoruba", "zulu", NULL};

int mtl_is_language_name(const char *norm)
{
    return mtl_in_list(names, norm);
}
