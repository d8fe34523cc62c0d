"""The pure parts of the installer build: version stamps, what resources ship, NSIS file lists, signing set-up.

Quick, so they run with ./dev test; building and installing for real is in test_bundle.py and
test_wine_install.py (./dev installer-test).
"""

from __future__ import annotations

import ast
import importlib.util
import struct
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "installer"))

from bundle_info import project_metadata, resource_datas, version_info_text, version_tuple  # noqa: E402


def _load_build_script() -> ModuleType:
    # Loaded under its own name: "build" is also a PyPI package's name.
    spec = importlib.util.spec_from_file_location(
        "mailstage_installer_build", ROOT / "installer" / "build.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


build = _load_build_script()


def test_version_tuple_pads_to_four_numbers_and_drops_pre_release_tags() -> None:
    assert version_tuple("0.1.0") == (0, 1, 0, 0)
    assert version_tuple("2.3") == (2, 3, 0, 0)
    assert version_tuple("1.2.3rc1") == (1, 2, 3, 0)
    assert version_tuple("1.2.3.4.5") == (1, 2, 3, 4)


def test_version_tuple_refuses_what_windows_cannot_store() -> None:
    with pytest.raises(ValueError, match="start with a number"):
        version_tuple("v1.0")
    with pytest.raises(ValueError, match="65535"):
        version_tuple("1.70000")


def test_installer_version_comes_from_pyproject_and_matches_the_engine() -> None:
    from engine import __version__

    assert project_metadata()["version"] == __version__
    build.check_version(__version__)
    with pytest.raises(build.BuildError, match=r"pyproject.toml says version 9\.9\.9"):
        build.check_version("9.9.9")


def test_resources_ship_without_translation_sources_and_keep_their_folders(tmp_path: Path) -> None:
    (tmp_path / "translations").mkdir()
    (tmp_path / "translations" / "mailstage_nl.ts").write_text("<TS/>")
    (tmp_path / "translations" / "mailstage_nl.qm").write_bytes(b"qm")
    (tmp_path / "demo" / "mailboxes").mkdir(parents=True)
    (tmp_path / "demo" / "mailboxes" / "list.csv").write_text("EmailAddress\n")
    datas = resource_datas(tmp_path)
    assert sorted((Path(src).name, dest) for src, dest in datas) == [
        ("list.csv", str(Path("resources/demo/mailboxes"))),
        ("mailstage_nl.qm", str(Path("resources/translations"))),
    ]


def test_resources_refuse_to_ship_a_translation_that_was_not_built(tmp_path: Path) -> None:
    (tmp_path / "translations").mkdir()
    (tmp_path / "translations" / "mailstage_nl.ts").write_text("<TS/>")
    with pytest.raises(SystemExit, match=r"no \.qm for mailstage_nl\.ts.*translations\.py build"):
        resource_datas(tmp_path)


class _Recorder:
    """Stands in for PyInstaller's version-info classes (which need pefile, a Windows-only package)."""

    def __init__(self, kind: str, *args: object, **kwargs: object) -> None:
        self.kind, self.args, self.kwargs = kind, args, kwargs


def test_version_resource_text_is_valid_and_carries_the_version_and_publisher() -> None:
    text = version_info_text("1.2.3rc1", "Contoso 'IT' B.V.")
    names = ["VSVersionInfo", "FixedFileInfo", "StringFileInfo", "StringTable", "StringStruct", "VarFileInfo"]
    namespace = {name: (lambda *a, _n=name, **k: _Recorder(_n, *a, **k)) for name in [*names, "VarStruct"]}
    ast.parse(text, mode="eval")
    info = eval(compile(text, "version_info", "eval"), namespace)
    assert info.kind == "VSVersionInfo"
    assert info.kwargs["ffi"].kwargs["filevers"] == (1, 2, 3, 0)
    table = info.kwargs["kids"][0].args[0][0]
    strings = {s.args[0]: s.args[1] for s in table.args[1]}
    assert strings["ProductVersion"] == "1.2.3rc1"
    assert strings["CompanyName"] == "Contoso 'IT' B.V."
    assert strings["OriginalFilename"] == "Mailstage.exe"


def test_nsis_file_lists_install_and_remove_exactly_the_bundles_top_level_entries(tmp_path: Path) -> None:
    bundle = tmp_path / "Mailstage"
    (bundle / "_internal" / "deep").mkdir(parents=True)
    (bundle / "_internal" / "deep" / "x.dll").write_bytes(b"x")
    (bundle / "Mailstage.exe").write_bytes(b"MZ")
    (bundle / "empty").mkdir()
    files_nsh, unfiles_nsh = build.nsis_file_lists(bundle, tmp_path / "lists")
    assert files_nsh.read_text().splitlines() == [
        f'File "{bundle / "Mailstage.exe"}"',
        f'File /r "{bundle / "_internal"}"',
        'CreateDirectory "$INSTDIR\\empty"',  # File /r refuses an empty folder
    ]
    assert unfiles_nsh.read_text().splitlines() == [
        'Delete "$INSTDIR\\Mailstage.exe"',
        'RMDir /r "$INSTDIR\\_internal"',
        'RMDir /r "$INSTDIR\\empty"',
    ]


def test_without_a_certificate_signing_is_off_and_says_how_to_turn_it_on(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for name in ("MAILSTAGE_SIGN_PKCS12", "MAILSTAGE_SIGN_THUMBPRINT", "MAILSTAGE_SIGN_PASSWORD_FILE"):
        monkeypatch.delenv(name, raising=False)
    command, why = build.signing_config()
    assert command is None
    assert "MAILSTAGE_SIGN_PKCS12" in why and "NOT signed" in why


def test_a_signing_certificate_that_does_not_exist_is_a_clear_build_error(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("MAILSTAGE_SIGN_PKCS12", str(tmp_path / "missing.pfx"))
    if not build.shutil.which("osslsigncode"):
        with pytest.raises(build.BuildError, match="osslsigncode is not installed"):
            build.signing_config()
    else:
        with pytest.raises(build.BuildError, match=r"missing\.pfx, which does not exist"):
            build.signing_config()


def test_icon_file_holds_every_size_windows_asks_for() -> None:
    data = (ROOT / "resources" / "icons" / "mailstage.ico").read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", data, 0)
    assert (reserved, kind) == (0, 1)
    sizes = []
    for index in range(count):
        width, height, _, _, planes, bits, length, offset = struct.unpack_from(
            "<BBBBHHII", data, 6 + 16 * index
        )
        assert (planes, bits) == (1, 32)
        assert offset + length <= len(data)
        assert width == height, "icons are square"
        sizes.append(width or 256)
    assert {16, 24, 32, 48, 256} <= set(sizes)


def test_build_script_explains_itself_without_pyinstaller_or_makensis() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "installer" / "build.py"), "--help"], capture_output=True, text=True
    )
    assert result.returncode == 0
    assert "--skip-bundle" in result.stdout and "--compression" in result.stdout
