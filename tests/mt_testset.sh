#!/usr/bin/env bash
# Recall and precision of the mistranslation rule on a test set built from
# clean, edited English prose that Debian packages ship (see mt_testset.c):
#
#   calibration  Debian's history, constitution, social contract, manifesto
#                and bug-tracker guides (debian-history, doc-debian) and the
#                licence texts in /usr/share/common-licenses (base-files)
#   held out     The Debian Administrator's Handbook (debian-handbook), its
#                prose paragraphs without commands, file names or listings
#
# The texts are extracted into a temporary directory and never kept.
#
#   tests/mt_testset.sh [BUILD_DIR]      (default: build)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
bin=$build/tests/mt_testset
[ -x "$bin" ] || { echo "mt_testset.sh: no $bin (build first)" >&2; exit 2; }

packages=(debian-history doc-debian debian-handbook python3)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' \
    || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "mt_testset.sh: missing packages; as root:" >&2
  echo "  apt-get install -y --no-install-recommends ${missing[*]}" >&2
  exit 2
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/calibration" "$tmp/held-out"

hist=/usr/share/doc/debian-history
zcat "$hist/docs/project-history.en.txt.gz" > "$tmp/calibration/history.txt"
zcat "$hist/constitution.txt.gz" > "$tmp/calibration/constitution.txt"
for f in debian-manifesto social-contract.txt bug-reporting.txt mailing-lists.txt; do
  zcat "/usr/share/doc/debian/$f.gz" > "$tmp/calibration/$f.txt"
done
for f in GPL-3 GPL-2 LGPL-2.1 Apache-2.0 GFDL-1.3 MPL-2.0; do
  cp "/usr/share/common-licenses/$f" "$tmp/calibration/$f.txt"
done

python3 - /usr/share/doc/debian-handbook/html/en-US "$tmp/held-out/handbook.txt" <<'EOF'
import glob, html, re, sys
paras = []
for path in sorted(glob.glob(sys.argv[1] + '/*.html')):
    text = open(path, encoding='utf-8', errors='replace').read()
    for m in re.finditer(r'<div class="para"[^>]*>(.*?)</div>', text, re.S):
        p = m.group(1)
        # commands, file names and listings are not prose
        if re.search(r'<(code|pre|span class="(command|literal|filename|replaceable)")', p):
            continue
        p = ' '.join(html.unescape(re.sub(r'<[^>]+>', '', p)).split())
        if len(p.split()) >= 12:
            paras.append(p)
open(sys.argv[2], 'w', encoding='utf-8').write('\n\n'.join(paras) + '\n')
EOF

tables=(dicts/confusions.tsv)
[ -f "$build/dicts/pivots.tsv" ] && tables+=("$build/dicts/pivots.tsv")
for set in calibration held-out; do
  echo "== $set"
  "$bin" "${tables[@]}" -- "$tmp/$set"/*.txt 2>/dev/null
done
