#!/usr/bin/env python3
"""Maintains paired resource files: Base.resx (English, the neutral culture) and Base.zh-CN.resx.

  python3 tools/resx.py set  CommunityPortal/Features/Matrix/MatrixText Key "中文" "English"
  python3 tools/resx.py load CommunityPortal/Features/Matrix/MatrixText strings.tsv   # lines: key<TAB>中文<TAB>English
  python3 tools/resx.py check                                                    # every key in both cultures

A pair lies beside its marker class (MatrixText.cs), whose namespace and name the compiled resource takes.
Keys are kept sorted so that diffs stay small.
"""
import glob
import sys
import xml.etree.ElementTree as ET
from xml.sax.saxutils import escape

HEADER = """<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <resheader name="version"><value>2.0</value></resheader>
  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
"""


def read(path):
    try:
        root = ET.parse(path).getroot()
    except (FileNotFoundError, ET.ParseError):
        return {}
    return {d.get("name"): (d.findtext("value") or "") for d in root.findall("data")}


def write(path, entries):
    import os
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(HEADER)
        for key in sorted(entries):
            f.write(f'  <data name="{escape(key, {chr(34): "&quot;"})}" xml:space="preserve"><value>{escape(entries[key])}</value></data>\n')
        f.write("</root>\n")


def set_many(base, rows):
    en, zh = read(base + ".resx"), read(base + ".zh-CN.resx")
    for key, zh_text, en_text in rows:
        zh[key], en[key] = zh_text, en_text
    write(base + ".resx", en)
    write(base + ".zh-CN.resx", zh)


def check():
    ok = True
    for neutral in glob.glob("CommunityPortal/**/*.resx", recursive=True):
        if neutral.endswith(".zh-CN.resx") or "/bin/" in neutral or "/obj/" in neutral:
            continue
        zh_path = neutral[:-5] + ".zh-CN.resx"
        en, zh = read(neutral), read(zh_path)
        for missing in sorted(set(en) ^ set(zh)):
            ok = False
            print(f"{neutral}: key '{missing}' is not in both cultures")
    return ok


if __name__ == "__main__":
    cmd = sys.argv[1] if len(sys.argv) > 1 else ""
    if cmd == "set" and len(sys.argv) == 6:
        set_many(sys.argv[2], [tuple(sys.argv[3:6])])
    elif cmd == "load" and len(sys.argv) == 4:
        with open(sys.argv[3], encoding="utf-8") as f:
            rows = [line.rstrip("\n").split("\t") for line in f if line.strip() and not line.startswith("#")]
        bad = [r for r in rows if len(r) != 3]
        if bad:
            sys.exit(f"lines need key<TAB>zh<TAB>en: {bad[0]}")
        set_many(sys.argv[2], rows)
    elif cmd == "check":
        sys.exit(0 if check() else 1)
    else:
        sys.exit(__doc__)
