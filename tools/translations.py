"""Translation upkeep: extract strings from gui/ into the .ts files, fill them, build the .qm files.

python tools/translations.py update      # pyside6-lupdate: new strings appear as unfinished
python tools/translations.py fill F.json # set Dutch translations from {"source": "vertaling"}
python tools/translations.py missing     # list strings without a translation (exit 1 if any)
python tools/translations.py build       # pyside6-lrelease: .ts -> .qm (setup runs this)
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TS_DIR = ROOT / "resources" / "translations"
LANGUAGES = ("nl",)


def _tool(name: str) -> str:
    here = Path(sys.executable).parent / name
    return str(here) if here.exists() else (shutil.which(name) or name)


def ts_files() -> list[Path]:
    return [TS_DIR / f"mailstage_{lang}.ts" for lang in LANGUAGES]


def update() -> None:
    sources = sorted(str(p) for p in (ROOT / "gui").rglob("*.py"))
    for ts in ts_files():
        subprocess.run([_tool("pyside6-lupdate"), *sources, "-no-obsolete", "-ts", str(ts)], check=True)


def build() -> None:
    for ts in ts_files():
        subprocess.run(
            [_tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True
        )


def unfinished(ts: Path) -> list[tuple[str, str]]:
    """(context, source) of every message in TS without a finished translation."""
    result = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if (
                translation is None
                or translation.get("type") in ("unfinished", "vanished", "obsolete")
                or not (translation.text or translation.findall("numerusform"))
            ):
                result.append((name, message.findtext("source") or ""))
    return result


def fill(mapping_file: Path) -> None:
    mapping: dict[str, str] = json.loads(mapping_file.read_text(encoding="utf-8"))
    for ts in ts_files():
        tree = ET.parse(ts)
        for message in tree.getroot().iter("message"):
            source = message.findtext("source") or ""
            if source in mapping:
                translation = message.find("translation")
                if translation is None:
                    translation = ET.SubElement(message, "translation")
                translation.text = mapping[source]
                translation.attrib.pop("type", None)
        ET.indent(tree)
        tree.write(ts, encoding="utf-8", xml_declaration=True)


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "build"
    if command == "update":
        update()
    elif command == "build":
        build()
    elif command == "fill":
        fill(Path(argv[1]))
    elif command == "missing":
        missing = [(ts.name, ctx, src) for ts in ts_files() for ctx, src in unfinished(ts)]
        for name, ctx, src in missing:
            print(f"{name}: {ctx}: {src[:80]!r}")
        return 1 if missing else 0
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
