#include "lint_helper.h"

#include <stdlib.h>
#include <string.h>

static const flag_case flags[] = {
    {.text = "The caf\xE9 is open.", .flag = "\xE9",
     .message = "invalid UTF-8 byte 0xE9", .suggestion = "é"},
    {.text = "He said \xE2\x80 and left.", .flag = "\xE2\x80",
     .message = "bytes 0xE2 0x80"},
    {.text = "A r\xE9sum\xE9 here.", .flag = "\xE9",
     .message = "1 more on this line", .suggestion = "é"},
    {.text = "He said don\x92t go.", .flag = "\x92", .message = "0x92",
     .suggestion = "’"},
    {.text = "We donâ€™t know.", .flag = "â€™", .message = "meant 'don’t'",
     .suggestion = "’"},
    {.text = "It was Ã©tÃ© then.", .flag = "Ã©tÃ©",
     .message = "mojibake 'Ã©tÃ©'", .suggestion = "été"},
    {.text = "Talks in ZÃ¼rich ended.", .flag = "Ã¼", .message = "Windows-1252",
     .suggestion = "ü"},
    {.text = "He said â€œyes.", .flag = "â€œ", .suggestion = "“"},
    {.text = "We don\xC3\xA2\xC2\x80\xC2\x99t know.",
     .flag = "\xC3\xA2\xC2\x80\xC2\x99", .message = "Latin-1",
     .suggestion = "’"},
    {.text = "We donÃ¢â‚¬â„¢t know.", .flag = "Ã¢â‚¬â„¢", .suggestion = "’"},
    {.text = "It costs 5Â\xC2\xA0"
             "euros.",
     .flag = "Â\xC2\xA0",
     .suggestion = "\xC2\xA0"},
    {.text = "It costs 5Â euros.", .flag = "Â", .message = "no-break space",
     .suggestion = ""},
    {.text = "He said ðŸ˜€ then.", .flag = "ðŸ˜€", .suggestion = "😀"},
    {.text = "Text ÐŸÑ€Ð¸Ð²ÐµÑ‚ here.", .flag = "ÐŸÑ€Ð¸Ð²ÐµÑ‚",
     .suggestion = "Привет"},
    {.text = "Text \xEF\xBF\xBD\xEF\xBF\xBD lost.",
     .flag = "\xEF\xBF\xBD\xEF\xBF\xBD",
     .message = "replacement character: text was lost"},
    {.text = "A cease\xE2\x80\x8B"
             "fire now.",
     .flag = "\xE2\x80\x8B",
     .message = "invisible U+200B",
     .suggestion = ""},
    {.text = "A Gaza\xE2\x81\xA0Strip.", .flag = "\xE2\x81\xA0",
     .message = "U+2060", .suggestion = ""},
    {.text = "An ad\xE2\x80\xAEmin user.", .flag = "\xE2\x80\xAE",
     .message = "U+202E inside the word 'admin'", .suggestion = ""},
    {.text = "First line.\n\xEF\xBB\xBFSecond line.", .flag = "\xEF\xBB\xBF",
     .message = "byte order mark", .suggestion = ""},
    {.text = "A bell \x07 here.", .flag = "\x07",
     .message = "control character U+0007"},
    {.text = "\x1B[31mred text", .flag = "\x1B", .message = "U+001B"},
    {.text = "Next\xC2\x85line.", .flag = "\xC2\x85", .message = "U+0085"},
    {.text = "A tab\v here.", .flag = "\v", .message = "U+000B"},
    {.text = "In BucureÈ™ti today.", .flag = "È™", .suggestion = "ș"},
    {.text = "He paid Â£5 for it.", .flag = "Â£", .suggestion = "£"},
    {.text = "Sodium is Naâ‚‚O here.", .flag = "â‚‚", .suggestion = "₂"},
    {.text = "A trip to KRAKÃ“W today.", .flag = "Ã“",
     .message = "meant 'KRAKÓW'", .suggestion = "Ó"},
};

static const char *const clean[] = {
    "The café serves a naïve résumé.",
    "Škoda sells cars in Bogotá, São Paulo and Zürich.",
    "It costs £5 or €6 © 2023, 20 °C, ½ cup, 3×4.",
    "“Quoted” – yes—no… it’s fine.",
    "Line one.\r\nLine two.\r\n",
    "\xEF\xBB\xBF" "A file with a leading byte order mark.",
    "Tabs\tand\fform feeds are fine.",
    "A family 👨\xE2\x80\x8D👩\xE2\x80\x8D👧 emoji.",
    "Persian می\xE2\x80\x8Cخواهم uses ZWNJ.",
    "Thai ภาษา\xE2\x80\x8Bไทย uses ZWSP.",
    "A space\xE2\x80\x8B between words.",
    "Hebrew \xE2\x80\x8F\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D\xE2\x80\x8E and 5.",
    "ROMÂNIA and Álvaro and Ãlvaro.",
    "Il a dit «\xC2\xA0" "café\xC2\xA0» hier.",
    "The name is PELÉ” he said.",
    "A headline: CAFÉ… and PELÉ– more.",
    "Text in Romanian: ROMÂNIA, ȘTIINȚĂ.",
    "CAFÉ\xC2\xA0: open.",
    "Herr Weiß” said.",
    "She said “IRMÔ and “KÄ” and the VOCÊ\xC2\xA0» here.",
    "Old line end\rlone CR.",
    "Ärger, Øresund, Ærø, Ñandú, Ça va.",
};

/* ---- cases with NUL bytes, exact offsets and caps -------------------- */

static mtl_result *lint_named(const char *rules, const char *text, size_t len,
                              const char *name)
{
    mtl_options *o = mtl_options_new();
    assert_non_null(o);
    for (size_t i = 0; i < mtl_rule_count(); i++)
        mtl_options_set_severity(o, mtl_rule_at(i)->id, MTL_OFF);
    char buf[128];
    strncpy(buf, rules, sizeof buf - 1);
    buf[sizeof buf - 1] = '\0';
    for (char *r = strtok(buf, ","); r; r = strtok(NULL, ","))
        assert_int_equal(mtl_options_set_severity(o, r, MTL_WARNING), 0);
    char *err = NULL;
    mtl_linter *l = mtl_linter_new(o, &err);
    mtl_options_free(o);
    if (!l)
        fail_msg("linter: %s", err ? err : "?");
    mtl_result *res = NULL;
    assert_int_equal(mtl_lint(l, text, len, name, &res), 0);
    mtl_linter_free(l);
    return res;
}

static mtl_result *lint_bytes(const char *rules, const char *text, size_t len)
{
    return lint_named(rules, text, len, "test.txt");
}

/* In Markdown, code spans, images and raw HTML keep their bytes as
 * written (a page about mojibake quotes `donâ€™t`), like code blocks: only
 * the prose around them is read. The same bytes in prose are flagged. */
static void markdown_code_spans(void **state)
{
    (void)state;
    static const char md[] = "Text `a\bb` and `donâ€™t` and ![caf\xE9](x.png)\n"
                             "`\b`\n"
                             "<span title=\"a\x01b\">x</span> and then \b here, donâ€™t.\n";
    mtl_result *r = lint_named("encoding", md, sizeof md - 1, "a.md");
    assert_int_equal(mtl_result_count(r), 2);
    const char *ctl = strstr(md, "then \b") + 5;
    const char *moji = strstr(ctl, "â€™");
    assert_int_equal(mtl_result_at(r, 0)->offset, (size_t)(ctl - md));
    assert_int_equal(mtl_result_at(r, 1)->offset, (size_t)(moji - md));
    mtl_result_free(r);
}

static void nul_byte(void **state)
{
    (void)state;
    static const char text[] = "Hello\0world, and\0\0\0more.";
    mtl_result *r = lint_bytes("encoding", text, sizeof text - 1);
    assert_int_equal(mtl_result_count(r), 1);
    const mtl_finding *f = mtl_result_at(r, 0);
    assert_int_equal(f->offset, 5);
    assert_int_equal(f->length, 1);
    assert_non_null(strstr(f->message, "NUL byte; 1 more on this line"));
    mtl_result_free(r);
}

static void nul_run(void **state)
{
    (void)state;
    static const char text[] = "ab\0\0\0cd";
    mtl_result *r = lint_bytes("encoding", text, sizeof text - 1);
    assert_int_equal(mtl_result_count(r), 1);
    assert_int_equal(mtl_result_at(r, 0)->offset, 2);
    assert_int_equal(mtl_result_at(r, 0)->length, 3);
    mtl_result_free(r);
}

static void invalid_offset_and_column(void **state)
{
    (void)state;
    const char *text = "First line.\nThe “caf\xE9” is open.\n";
    mtl_result *r = lint_bytes("encoding", text, strlen(text));
    assert_int_equal(mtl_result_count(r), 1);
    const mtl_finding *f = mtl_result_at(r, 0);
    assert_int_equal(f->offset, 22);
    assert_int_equal(f->length, 1);
    assert_int_equal(f->line, 2);
    assert_int_equal(f->column, 9);
    mtl_result_free(r);
}

static void one_per_line(void **state)
{
    (void)state;
    const char *text = "\xE9t\xE9 \xE0 Paris\nOK line\nna\xEFve\n";
    mtl_result *r = lint_bytes("encoding", text, strlen(text));
    assert_int_equal(mtl_result_count(r), 2);
    assert_int_equal(mtl_result_at(r, 0)->offset, 0);
    assert_non_null(
        strstr(mtl_result_at(r, 0)->message, "2 more on this line"));
    assert_int_equal(mtl_result_at(r, 1)->offset, 22);
    mtl_result_free(r);
}

static void capped(void **state)
{
    (void)state;
    size_t lines = 300;
    char *text = malloc(lines * 6 + 1);
    assert_non_null(text);
    for (size_t i = 0; i < lines; i++)
        memcpy(text + i * 6, "caf\xE9.\n", 6);
    mtl_result *r = lint_bytes("encoding", text, lines * 6);
    assert_int_equal(mtl_result_count(r), 101);
    int summary = 0;
    for (size_t i = 0; i < mtl_result_count(r); i++)
        if (strstr(mtl_result_at(r, i)->message, "200 more lines with invalid"))
            summary = 1;
    assert_true(summary);
    assert_int_equal(mtl_result_at(r, 0)->offset, 3);
    mtl_result_free(r);
    free(text);
}

static void utf16_without_bom(void **state)
{
    (void)state;
    static const char text[] = "H\0e\0l\0l\0o\0 \0w\0o\0r\0l\0d\0\n\0";
    mtl_result *r = lint_bytes("encoding", text, sizeof text - 1);
    assert_int_equal(mtl_result_count(r), 1);
    assert_non_null(strstr(mtl_result_at(r, 0)->message, "UTF-16LE"));
    mtl_result_free(r);
}

static void utf16_bom(void **state)
{
    (void)state;
    static const char text[] = "\xFF\xFEH\0i\0";
    mtl_result *r = lint_bytes("encoding", text, sizeof text - 1);
    assert_int_equal(mtl_result_count(r), 1);
    assert_int_equal(mtl_result_at(r, 0)->offset, 0);
    assert_int_equal(mtl_result_at(r, 0)->length, 2);
    mtl_result_free(r);
}

/* Linting goes on after bad bytes: other rules still see the text. */
static void other_rules_go_on(void **state)
{
    (void)state;
    static const char text[] = "The caf\xE9 \0 had the the best tea.";
    mtl_result *r = lint_bytes("encoding,repeated-word", text, sizeof text - 1);
    int enc = 0, rep = 0;
    for (size_t i = 0; i < mtl_result_count(r); i++) {
        const mtl_finding *f = mtl_result_at(r, i);
        enc += strcmp(f->rule, "encoding") == 0;
        if (strcmp(f->rule, "repeated-word") == 0) {
            rep++;
            assert_int_equal(f->offset, 15);
        }
    }
    assert_int_equal(enc, 2);
    assert_int_equal(rep, 1);
    mtl_result_free(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(nul_byte),
        cmocka_unit_test(nul_run),
        cmocka_unit_test(invalid_offset_and_column),
        cmocka_unit_test(one_per_line),
        cmocka_unit_test(capped),
        cmocka_unit_test(utf16_without_bom),
        cmocka_unit_test(utf16_bom),
        cmocka_unit_test(other_rules_go_on),
        cmocka_unit_test(markdown_code_spans),
    };
    int failed =
        cmocka_run_group_tests_name("encoding bytes", tests, NULL, NULL);
    return failed + run_rule_cases("encoding", "encoding", flags,
                                   COUNT_OF(flags), clean, COUNT_OF(clean));
}
