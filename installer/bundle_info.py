"""Facts about the bundle that the spec and build.py share: version, publisher, resources to ship.

Kept free of PyInstaller and Qt imports so that build.py can use it before anything is installed.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def project_metadata(root: Path = ROOT) -> dict[str, str]:
    """Name, version and publisher from pyproject.toml (the one place the version is written)."""
    project = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    authors = project.get("authors") or [{"name": "Mailstage"}]
    return {
        "name": "Mailstage",
        "version": str(project["version"]),
        "publisher": str(authors[0].get("name", "Mailstage")),
        "description": str(project.get("description", "")),
    }


def version_tuple(version: str) -> tuple[int, int, int, int]:
    """The four numbers Windows version resources want: '1.2.3rc1' -> (1, 2, 3, 0)."""
    match = re.match(r"^(\d+(?:\.\d+)*)", version)
    if not match:
        raise ValueError(f"version {version!r} does not start with a number")
    numbers = [int(part) for part in match.group(1).split(".")][:4]
    if any(n > 65535 for n in numbers):
        raise ValueError(f"version {version!r}: Windows allows at most 65535 in each part")
    numbers += [0] * (4 - len(numbers))
    return (numbers[0], numbers[1], numbers[2], numbers[3])


def resource_datas(resources: Path) -> list[tuple[str, str]]:
    """(source file, folder in the bundle) for everything under RESOURCES that the program reads.

    Translation sources (.ts) stay behind; each must have its built .qm, or the bundle would show
    English to Dutch users without anyone noticing.
    """
    datas: list[tuple[str, str]] = []
    missing_qm = [ts.name for ts in resources.rglob("*.ts") if not ts.with_suffix(".qm").is_file()]
    if missing_qm:
        raise SystemExit(
            f"translations not built: no .qm for {', '.join(missing_qm)}. "
            "Run: python tools/translations.py build"
        )
    for path in sorted(resources.rglob("*")):
        if path.is_dir() or path.suffix == ".ts" or path.name.startswith(".") or "__pycache__" in path.parts:
            continue
        target = Path("resources") / path.parent.relative_to(resources)
        datas.append((str(path), str(target)))
    return datas


def version_info_text(version: str, publisher: str) -> str:
    """A Windows version resource in PyInstaller's text form (what `--version-file` reads)."""
    numbers = version_tuple(version)
    strings = {
        "CompanyName": publisher,
        "FileDescription": "Mailstage: staged mailbox migration",
        "FileVersion": version,
        "InternalName": "Mailstage",
        "LegalCopyright": publisher,
        "OriginalFilename": "Mailstage.exe",
        "ProductName": "Mailstage",
        "ProductVersion": version,
    }
    table = ",\n          ".join(f"StringStruct({key!r}, {value!r})" for key, value in strings.items())
    return f"""VSVersionInfo(
  ffi=FixedFileInfo(filevers={numbers}, prodvers={numbers}, mask=0x3f, flags=0x0, OS=0x40004,
                    fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([
      StringTable('040904B0', [
          {table}
      ])
    ]),
    VarFileInfo([VarStruct('Translation', [1033, 1200])])
  ]
)
"""
