"""Translation upkeep: extract strings into the .ts files, fill them, build the .qm files.

Two catalogues per language: mailstage_<lang>.ts holds the wizard's strings (tr() in gui/, found by
pyside6-lupdate); mailstage_engine_<lang>.ts holds the engine's sentences (the templates of the
`T("...")` calls in engine/, found here with `ast`; context "engine", decision 008).

python tools/translations.py update [gui|engine]    # extract: new strings appear as unfinished
python tools/translations.py fill F.json [gui|engine]  # set translations from {"source": "vertaling"}
python tools/translations.py missing     # untranslated strings, engine templates not extracted,
                                         # translations whose {placeholders} differ (exit 1 if any)
python tools/translations.py build       # pyside6-lrelease: .ts -> .qm (setup runs this)
"""

from __future__ import annotations

import ast
import json
import re
import shutil
import string
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TS_DIR = ROOT / "resources" / "translations"
LANGUAGES = ("nl",)


def _tool(name: str) -> str:
    here = Path(sys.executable).parent / name
    return str(here) if here.exists() else (shutil.which(name) or name)


ENGINE_CONTEXT = "engine"
LOCALES = {"nl": "nl_NL"}


def gui_ts_files() -> list[Path]:
    return [TS_DIR / f"mailstage_{lang}.ts" for lang in LANGUAGES]


def engine_ts_files() -> list[Path]:
    return [TS_DIR / f"mailstage_engine_{lang}.ts" for lang in LANGUAGES]


def ts_files() -> list[Path]:
    return gui_ts_files() + engine_ts_files()


def update_gui() -> None:
    sources = sorted(str(p) for p in (ROOT / "gui").rglob("*.py"))
    for ts in gui_ts_files():
        subprocess.run([_tool("pyside6-lupdate"), *sources, "-no-obsolete", "-ts", str(ts)], check=True)


# -- the engine's templates ------------------------------------------------------------------------


@dataclass(frozen=True)
class Template:
    """One `T("...")` template and where it first appears."""

    source: str
    path: Path
    line: int


def needs_translation(template: str) -> bool:
    """False for a template of placeholders and punctuation only ("{what} {cause}"): nothing to say."""
    literal = "".join(text for text, _field, _spec, _conv in string.Formatter().parse(template))
    return bool(re.search(r"[^\W\d_]", literal))


def placeholders(text: str) -> set[str]:
    """The field names of a str.format template ({host}, {ms:.0f} -> host, ms)."""
    return {field for _text, field, _spec, _conv in string.Formatter().parse(text) if field is not None}


def engine_templates(root: Path = ROOT / "engine") -> tuple[list[Template], list[str]]:
    """Every template passed to `T(...)` under ROOT (first appearance, in file order), and the
    errors: a `T` call whose first argument is not a string literal cannot be extracted."""
    found: dict[str, Template] = {}
    errors: list[str] = []
    for path in sorted(root.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "T"):
                continue
            shown = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
            where = f"{shown}:{node.lineno}"
            first = node.args[0] if node.args else None
            if not (isinstance(first, ast.Constant) and isinstance(first.value, str)):
                errors.append(
                    f"{where}: T() needs a string literal as its template, not {ast.unparse(first) if first else 'nothing'}"
                )
                continue
            try:
                placeholders(first.value)
            except ValueError as error:
                errors.append(f"{where}: the template {first.value!r} is not a valid format string ({error})")
                continue
            if needs_translation(first.value):
                found.setdefault(first.value, Template(first.value, path, node.lineno))
    ordered = sorted(found.values(), key=lambda t: (str(t.path), t.line))
    return ordered, errors


def update_engine() -> list[str]:
    """Write the engine catalogues: every template, finished translations kept, new ones unfinished,
    vanished ones dropped. Returns the extraction errors (nothing is written when there are any)."""
    templates, errors = engine_templates()
    if errors:
        return errors
    for ts in engine_ts_files():
        known: dict[str, ET.Element] = {}
        if ts.exists():
            for message in ET.parse(ts).getroot().iter("message"):
                translation = message.find("translation")
                if translation is not None:
                    known[message.findtext("source") or ""] = translation
        lang = ts.stem.rsplit("_", 1)[1]
        root = ET.Element("TS", {"version": "2.1", "language": LOCALES.get(lang, lang)})
        context = ET.SubElement(root, "context")
        ET.SubElement(context, "name").text = ENGINE_CONTEXT
        for template in templates:
            message = ET.SubElement(context, "message")
            location = Path("../..") / template.path.relative_to(ROOT)
            ET.SubElement(message, "location", {"filename": location.as_posix(), "line": str(template.line)})
            ET.SubElement(message, "source").text = template.source
            old = known.get(template.source)
            translation = ET.SubElement(message, "translation")
            if old is not None and old.text and old.get("type") not in ("vanished", "obsolete"):
                translation.text = old.text
                if old.get("type") == "unfinished":
                    translation.set("type", "unfinished")
            else:
                translation.set("type", "unfinished")
        tree = ET.ElementTree(root)
        ET.indent(tree)
        tree.write(ts, encoding="utf-8", xml_declaration=True)
    return []


def engine_problems() -> list[str]:
    """What `missing` reports for the engine beyond unfinished strings: extraction errors, templates
    not in a catalogue (run `update engine`), translations whose placeholders differ from the template."""
    templates, problems = engine_templates()
    for ts in engine_ts_files():
        if not ts.exists():
            problems.append(f"{ts.name}: missing (run: tools/translations.py update engine)")
            continue
        catalogue: dict[str, str] = {}
        for message in ET.parse(ts).getroot().iter("message"):
            catalogue[message.findtext("source") or ""] = message.findtext("translation") or ""
        for template in templates:
            if template.source not in catalogue:
                problems.append(f"{ts.name}: not extracted yet: {template.source[:80]!r}")
        for source, translation in catalogue.items():
            if not translation:
                continue
            try:
                same = placeholders(translation) == placeholders(source)
            except ValueError:
                same = False
            if not same:
                problems.append(f"{ts.name}: the placeholders differ from the template's: {source[:80]!r}")
    return problems


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


def fill(mapping_file: Path, files: list[Path]) -> None:
    mapping: dict[str, str] = json.loads(mapping_file.read_text(encoding="utf-8"))
    for ts in files:
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
    which = {"gui": gui_ts_files(), "engine": engine_ts_files()}
    if command == "update":
        kinds = argv[1:] or ["gui", "engine"]
        if "gui" in kinds:
            update_gui()
        if "engine" in kinds:
            errors = update_engine()
            for error in errors:
                print(error, file=sys.stderr)
            if errors:
                return 1
    elif command == "build":
        build()
    elif command == "fill":
        fill(Path(argv[1]), which[argv[2]] if len(argv) > 2 else ts_files())
    elif command == "missing":
        missing = [(ts.name, ctx, src) for ts in ts_files() if ts.exists() for ctx, src in unfinished(ts)]
        for name, ctx, src in missing:
            print(f"{name}: {ctx}: {src[:80]!r}")
        problems = engine_problems()
        for problem in problems:
            print(problem)
        return 1 if missing or problems else 0
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
