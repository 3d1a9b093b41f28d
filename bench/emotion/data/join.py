#!/usr/bin/env python3
"""Joins the hand-written source files (src/<language>.txt, lines "L|text") into messages.tsv.

The split is fixed here, before any tuning, from a hash of the language and text: about 30% of rows are held out.
Columns: id, language, split (dev | heldout), label, text. Run from anywhere: python3 bench/emotion/data/join.py
"""
import hashlib, os

HERE = os.path.dirname(os.path.abspath(__file__))
LABELS = {"A": "ANGRY", "X": "ANXIOUS", "D": "DISAPPOINTED", "N": "NEUTRAL", "S": "SATISFIED"}
rows, seen = [], set()
for language in ("zh-CN", "zh-TW", "en"):
    with open(os.path.join(HERE, "src", language + ".txt"), encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            code, text = line.split("|", 1)
            text = text.strip()
            if (language, text) in seen:
                raise SystemExit(f"duplicate {language}: {text}")
            seen.add((language, text))
            digest = hashlib.sha256(f"emotion-split-v1|{language}|{text}".encode("utf-8")).digest()
            split = "heldout" if digest[0] < 77 else "dev"  # 77/256 ≈ 30%
            rows.append((f"{language}-{len([r for r in rows if r[1] == language]) + 1:03d}", language, split, LABELS[code], text))
with open(os.path.join(HERE, "messages.tsv"), "w", encoding="utf-8") as out:
    out.write("id\tlanguage\tsplit\tlabel\ttext\n")
    for row in rows:
        out.write("\t".join(row) + "\n")
print(len(rows), "rows,", sum(r[2] == "heldout" for r in rows), "held out")
