#!/usr/bin/env bash
# Builds the work directory the research scripts read (see README.md).
#
#   prepare.sh WORK MLQE_DIR EWT_DIR [BUILD_DIR]
#
# MLQE_DIR: the MLQE-PE dev data, one directory per pair (mt.detok.txt,
# tags.txt, gaps.txt, tokmap.jsonl, pe.txt, hter.txt). EWT_DIR: UD English
# EWT with en_ewt-ud-{train,dev,test}.conllu. BUILD_DIR: mtlint's build
# (default: build/ of this checkout), with tools/mtqe-dump built.
# Clean prose comes from the Debian packages debian-handbook and
# developers-reference; sound-alikes from pocketsphinx-en-us's cmudict.
set -euo pipefail
if [ $# -lt 3 ]; then sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 2; fi
WORK=$1 MLQE=$2 EWT=$3
HERE=$(cd "$(dirname "$0")" && pwd)
BUILD=${4:-$HERE/../../build}
DUMP=$BUILD/tools/mtqe-dump
LINT=$BUILD/mtlint
PAIRS="ro-en et-en ru-en ne-en si-en"
mkdir -p "$WORK"/{dump,clean,base}

python3 "$HERE/corpora.py" ewt "$EWT/en_ewt-ud-test.conllu" > "$WORK/clean/ewt-test.txt"
python3 "$HERE/corpora.py" ewt "$EWT/en_ewt-ud-train.conllu" "$EWT/en_ewt-ud-dev.conllu" \
  > "$WORK/clean/ewt-traindev.txt"
python3 "$HERE/corpora.py" handbook /usr/share/doc/debian-handbook/html/en-US > "$WORK/clean/handbook.txt"
python3 "$HERE/corpora.py" devref /usr/share/doc/developers-reference/docs > "$WORK/clean/devref.txt"
for p in ro-en et-en ru-en; do
  python3 "$HERE/detok.py" < "$MLQE/$p/pe.txt" > "$WORK/clean/pe-$p.txt"
done
python3 "$HERE/lexicon.py" "$WORK/lex.json" "$EWT/en_ewt-ud-train.conllu" "$EWT/en_ewt-ud-dev.conllu"
python3 "$HERE/homophones.py" /usr/share/pocketsphinx/model/en-us/cmudict-en-us.dict \
  > "$WORK/homophones.tsv"

# mtlint today: each pair as run.sh lints it (the whole file, one paragraph)
for p in $PAIRS; do
  "$LINT" --format=json "$MLQE/$p/mt.detok.txt" > "$WORK/base/$p.jsonl" || [ $? -eq 1 ]
done
for c in ewt-test handbook devref pe-ro-en pe-et-en pe-ru-en; do
  "$LINT" --format=json "$WORK/clean/$c.txt" > "$WORK/base/clean-$c.jsonl" || [ $? -eq 1 ]
done

# the analyses, one line a document
for p in $PAIRS; do
  "$DUMP" --lines --cands --pairs "$WORK/homophones.tsv" "$MLQE/$p/mt.detok.txt" > "$WORK/dump/$p.jsonl"
done
for c in ewt-test handbook devref pe-ro-en pe-et-en pe-ru-en; do
  "$DUMP" --lines --cands --pairs "$WORK/homophones.tsv" "$WORK/clean/$c.txt" > "$WORK/dump/clean-$c.jsonl"
done
"$DUMP" --lines "$WORK/clean/ewt-traindev.txt" > "$WORK/dump/clean-ewt-traindev.jsonl"
echo "prepared $WORK"
