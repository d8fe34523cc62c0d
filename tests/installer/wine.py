"""A fresh wine prefix to run the Windows installer in, and readers for what it leaves behind.

Each test gets its own prefix (about 700 MB, made in a few seconds) so no test sees another's
install. WINEDEBUG=-all keeps wine quiet; mscoree/mshtml are disabled so wine never tries to fetch
Mono or Gecko, and winemenubuilder so a Start menu shortcut does not leak into the host's menus.
"""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
from dataclasses import dataclass
from pathlib import Path, PureWindowsPath

UNINSTALL_KEY = r"Software\Microsoft\Windows\CurrentVersion\Uninstall"


def _tool(name: str) -> str:
    found = shutil.which(name) or (
        f"/usr/lib/wine/{name}" if Path(f"/usr/lib/wine/{name}").exists() else None
    )
    if not found:
        raise AssertionError(
            f"{name} is not installed: run ./dev installer-test (it installs Debian's wine64)"
        )
    return found


@dataclass(frozen=True)
class RegValue:
    type: str
    data: str


class WinePrefix:
    """One wine prefix: run programs in it, read its registry and map Windows paths to files."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.wine = _tool("wine64")
        self.wineserver = _tool("wineserver")
        self.env = {
            **os.environ,
            "WINEPREFIX": str(path),
            "WINEDEBUG": "-all",
            "WINEDLLOVERRIDES": "mscoree,mshtml=;winemenubuilder.exe=d",
            "WINEARCH": "win64",
        }
        self.env.pop("DISPLAY", None)
        self._folders: dict[str, str] = {}

    def run(self, *args: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [self.wine, *args],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=timeout,
            errors="replace",
        )

    def wait(self) -> None:
        """Wait until every program in the prefix has exited (and the registry is written to disk)."""
        subprocess.run([self.wineserver, "-w"], env=self.env, check=True, timeout=300)

    def create(self) -> None:
        result = self.run("wineboot", "-i")
        self.wait()
        assert (self.path / "drive_c").is_dir(), f"wine made no prefix: {result.stderr[-1000:]}"

    def reboot(self) -> None:
        """What Windows does at the next start: among others, the deletes scheduled for then."""
        self.run("wineboot", "-r")
        self.wait()

    def close(self) -> None:
        subprocess.run([self.wineserver, "-k"], env=self.env, timeout=60, capture_output=True)
        shutil.rmtree(self.path, ignore_errors=True)

    def folder(self, variable: str) -> str:
        """A Windows folder as the prefix names it (LOCALAPPDATA, APPDATA, ProgramFiles, ...)."""
        if variable not in self._folders:
            result = self.run("cmd", "/c", f"echo %{variable}%")
            value = result.stdout.strip().splitlines()[-1].strip()
            assert value and "%" not in value, f"wine has no %{variable}%: {result.stdout!r}"
            self._folders[variable] = value
        return self._folders[variable]

    def unix(self, windows_path: str) -> Path:
        """The file behind a C:\\ path (wine keeps the names' case on disk)."""
        path = PureWindowsPath(windows_path)
        assert path.drive.upper() == "C:", windows_path
        return self.path.joinpath("drive_c", *path.parts[1:])

    def reg_query(self, key: str) -> dict[str, RegValue] | None:
        """The values of KEY, or None when the key does not exist."""
        result = self.run("reg", "query", key)
        if result.returncode != 0:
            return None
        values: dict[str, RegValue] = {}
        for line in result.stdout.splitlines():
            parts = line.strip().split(None, 2)
            if len(parts) >= 2 and parts[1].startswith("REG_"):
                values[parts[0]] = RegValue(parts[1], parts[2] if len(parts) == 3 else "")
        return values

    def reg_subkeys(self, key: str) -> list[str]:
        result = self.run("reg", "query", key)
        assert result.returncode == 0, f"reg query {key} failed: {result.stdout}{result.stderr}"
        # reg prints subkeys with the hive's long name (HKEY_CURRENT_USER\...), so match on the path.
        path = "\\" + key.split("\\", 1)[1].lower() + "\\"
        subkeys = []
        for line in result.stdout.splitlines():
            line = line.strip()
            at = line.lower().find(path)
            if line.upper().startswith("HKEY_") and at >= 0:
                subkeys.append(line[at + len(path) :])
        return subkeys

    def files(self) -> set[str]:
        """Every file and folder under drive_c, relative, for before/after comparisons."""
        root = self.path / "drive_c"
        return {str(p.relative_to(root)) for p in root.rglob("*")}

    def registry_lines_mentioning(self, word: str) -> list[str]:
        """Lines of the registry files that contain WORD (call wait() first so they are on disk)."""
        found = []
        for hive in ("system.reg", "user.reg", "userdef.reg"):
            text = (self.path / hive).read_text(encoding="utf-8", errors="replace")
            found += [f"{hive}: {line}" for line in text.splitlines() if word.lower() in line.lower()]
        return found


@dataclass(frozen=True)
class Shortcut:
    target: str
    working_dir: str
    description: str
    icon: str


def read_shortcut(path: Path) -> Shortcut:
    """The target and strings of a .lnk file (MS-SHLLINK: header, ID list, LinkInfo, string data)."""
    data = path.read_bytes()
    assert struct.unpack_from("<I", data, 0)[0] == 0x4C, f"{path} is not a shell link"
    flags = struct.unpack_from("<I", data, 20)[0]
    offset = 76
    if flags & 0x01:  # HasLinkTargetIDList
        offset += 2 + struct.unpack_from("<H", data, offset)[0]
    target = ""
    if flags & 0x02:  # HasLinkInfo
        info_size, _header, info_flags, _volume, base_offset = struct.unpack_from("<IIIII", data, offset)
        if info_flags & 0x01:  # VolumeIDAndLocalBasePath
            end = data.index(b"\0", offset + base_offset)
            target = data[offset + base_offset : end].decode("mbcs" if os.name == "nt" else "latin-1")
        offset += info_size
    unicode = bool(flags & 0x80)
    strings: dict[str, str] = {}
    for bit, name in ((0x04, "name"), (0x08, "relative"), (0x10, "workdir"), (0x20, "args"), (0x40, "icon")):
        if flags & bit:
            count = struct.unpack_from("<H", data, offset)[0]
            offset += 2
            size = count * 2 if unicode else count
            raw = data[offset : offset + size]
            # Some writers (wine among them) count the terminating NUL in the length.
            strings[name] = raw.decode("utf-16-le" if unicode else "latin-1").rstrip("\0")
            offset += size
    return Shortcut(target, strings.get("workdir", ""), strings.get("name", ""), strings.get("icon", ""))
