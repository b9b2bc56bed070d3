#!/usr/bin/env python3
"""Adds or updates UI strings in the three resource files at once.

Reads tab-separated lines `key<TAB>English<TAB>French<TAB>Dutch` from the files given (or standard input) and writes
them into src/TumourBoard.Web/Localization/SharedResource{,.fr,.nl}.resx, keeping the entries sorted by key.
"""
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / "src/TumourBoard.Web/Localization"
FILES = {"en": ROOT / "SharedResource.resx", "fr": ROOT / "SharedResource.fr.resx", "nl": ROOT / "SharedResource.nl.resx"}
HEADER = """<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <resheader name="version"><value>2.0</value></resheader>
  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
"""


def load(path):
    if not path.exists():
        return {}
    return {d.get("name"): d.findtext("value") or "" for d in ET.parse(path).getroot().findall("data")}


def escape(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def save(path, entries):
    lines = [HEADER]
    for key in sorted(entries, key=str.lower):
        lines.append(f'  <data name="{escape(key)}" xml:space="preserve"><value>{escape(entries[key])}</value></data>\n')
    lines.append("</root>\n")
    path.write_text("".join(lines), encoding="utf-8")


def main():
    tables = {lang: load(path) for lang, path in FILES.items()}
    sources = [open(f, encoding="utf-8") for f in sys.argv[1:]] or [sys.stdin]
    for source in sources:
        for number, line in enumerate(source, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.split("\t")
            if len(parts) != 4:
                sys.exit(f"line {number}: expected 4 tab-separated columns, got {len(parts)}: {line!r}")
            key, *texts = parts
            for lang, text in zip(("en", "fr", "nl"), texts):
                tables[lang][key] = text.replace("\\n", "\n")
    for lang, path in FILES.items():
        save(path, tables[lang])


if __name__ == "__main__":
    main()
