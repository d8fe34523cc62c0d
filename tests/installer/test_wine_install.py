"""The NSIS installer, run for real under wine: silent install, files, shortcut, registry, uninstall, upgrade.

The payload is the Linux bundle (PyInstaller cannot build a Windows one here); the installer script,
its registry writing, shortcut, scope and upgrade logic are the ones the Windows release uses. The
Windows runner (.github/workflows/windows-installer.yml) repeats install, --self-test and uninstall
with the Windows bundle.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.installer.wine import UNINSTALL_KEY, WinePrefix, read_shortcut

ROOT = Path(__file__).resolve().parents[2]
# The first test may build the bundle and the LZMA installer (up to ~10 minutes on a busy 2-core box).
pytestmark = pytest.mark.timeout(1800)
HKCU_ENTRY = rf"HKCU\{UNINSTALL_KEY}\Mailstage"
HKLM_ENTRY = rf"HKLM\{UNINSTALL_KEY}\Mailstage"
# What the program itself would leave: the state store and logs in the user's data folder
# (engine/paths.py: platformdirs' user_data_dir("Mailstage") = %LOCALAPPDATA%\Mailstage on Windows),
# and Qt's settings (QSettings("Mailstage", "Mailstage") = HKCU\Software\Mailstage\Mailstage).
USER_DATA = {
    "state.sqlite": b"SQLite format 3\x00 the admin's migration state",
    "logs/mailstage-cli.log": b"2025-01-01 INFO batch 1 Synced\n",
    "batches/batch-1/MigrationStatistics.csv": b"EmailAddress,ObjectType,Status\n",
}
SETTINGS_KEY = r"HKCU\Software\Mailstage\Mailstage"


@pytest.fixture
def prefix(tmp_path: Path) -> Iterator[WinePrefix]:
    wine = WinePrefix(tmp_path / "wineprefix")
    wine.create()
    yield wine
    wine.close()


def user_data_dir(wine: WinePrefix) -> Path:
    return wine.unix(wine.folder("LOCALAPPDATA") + r"\Mailstage")


def write_user_data(wine: WinePrefix) -> None:
    folder = user_data_dir(wine)
    for name, content in USER_DATA.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(content)
    result = wine.run("reg", "add", SETTINGS_KEY, "/v", "language", "/d", "nl", "/f")
    assert result.returncode == 0, result.stdout + result.stderr


def assert_user_data_intact(wine: WinePrefix) -> None:
    folder = user_data_dir(wine)
    for name, content in USER_DATA.items():
        assert (folder / name).read_bytes() == content, f"user data {name} changed or vanished"
    settings = wine.reg_query(SETTINGS_KEY)
    assert settings is not None and settings["language"].data == "nl", "Qt settings of the user vanished"


def user_data_paths(wine: WinePrefix) -> set[str]:
    drive_c = wine.path / "drive_c"
    folder = user_data_dir(wine)
    paths = {str(p.relative_to(drive_c)) for p in folder.rglob("*")}
    return paths | {str(folder.relative_to(drive_c))}


def assert_same_files(bundle: Path, installed: Path) -> None:
    """Every file of the bundle is installed with the same bytes, and nothing else but uninstall.exe."""
    expected = {str(p.relative_to(bundle)) for p in bundle.rglob("*") if p.is_file()}
    found = {str(p.relative_to(installed)) for p in installed.rglob("*") if p.is_file()}
    assert found - expected == {"uninstall.exe"}, f"unexpected files: {sorted(found - expected)[:10]}"
    assert expected - found == set(), f"files not installed: {sorted(expected - found)[:10]}"
    for name in expected:
        # NSIS follows the Linux bundle's symlinks, so compare content, not links.
        assert (bundle / name).read_bytes() == (installed / name).read_bytes(), f"{name} differs"


def run_installer(wine: WinePrefix, installer: Path, *args: str) -> None:
    result = wine.run(str(installer), "/S", *args)
    assert result.returncode == 0, f"setup exited {result.returncode}: {result.stdout}{result.stderr}"


def mailstage_entries(wine: WinePrefix) -> list[str]:
    """Every uninstall entry, in either hive, whose DisplayName is Mailstage."""
    entries = []
    for hive in ("HKCU", "HKLM"):
        for sub in wine.reg_subkeys(rf"{hive}\{UNINSTALL_KEY}"):
            values = wine.reg_query(rf"{hive}\{UNINSTALL_KEY}\{sub}") or {}
            if "DisplayName" in values and values["DisplayName"].data.startswith("Mailstage"):
                entries.append(rf"{hive}\{sub}")
    return entries


def assert_nothing_left_but(wine: WinePrefix, before: set[str], allowed: set[str]) -> None:
    """After an uninstall (and a restart): drive C: is as BEFORE, plus only the ALLOWED paths.

    Besides those, NSIS's uninstaller leaves an empty ~nsu*.tmp folder in the user's %TEMP% (it runs
    from a copy there and schedules its deletion for the next restart; the folder's own deletion comes
    first in that list and fails while the copy is in it). Windows' temp clean-up takes it; it must be empty.
    """
    after = wine.files()
    assert before - after == set(), f"the install/uninstall removed files it did not own: {before - after}"
    temp = wine.unix(wine.folder("TEMP")).relative_to(wine.path / "drive_c")
    nsis_temp = {p for p in after - before if Path(p).parent == temp and Path(p).name.startswith("~nsu")}
    for folder in nsis_temp:
        assert not any((wine.path / "drive_c" / folder).iterdir()), f"{folder} still holds files"
    assert after - before - nsis_temp == allowed, f"left behind: {sorted(after - before - nsis_temp)}"


def build_installer(bundle: Path, version: str, output: Path, env: dict[str, str] | None = None) -> str:
    """A quick (zlib) installer from the same script around BUNDLE, stamped VERSION."""
    command = [sys.executable, str(ROOT / "installer" / "build.py"), "--skip-bundle", "--bundle", str(bundle)]
    command += ["--version", version, "--output", str(output), "--compression", "zlib"]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def make_old_bundle(folder: Path) -> Path:
    """An earlier release's payload: a different program file and a file the new release no longer has."""
    bundle = folder / "Mailstage"
    (bundle / "_internal" / "resources").mkdir(parents=True)
    (bundle / "Mailstage").write_bytes(b"Mailstage 0.0.9 program")
    (bundle / "_internal" / "old-only.dll").write_bytes(b"a library the new version dropped")
    (bundle / "_internal" / "resources" / "old.txt").write_text("old resource")
    return bundle


def test_silent_per_user_install_makes_files_shortcut_and_uninstall_entry_and_uninstall_leaves_only_user_data(
    prefix: WinePrefix, built: tuple[Path, Path], version: str
) -> None:
    bundle, installer = built
    before = prefix.files()
    prefix.wait()
    assert prefix.registry_lines_mentioning("mailstage") == []

    run_installer(prefix, installer)

    install_dir = prefix.folder("LOCALAPPDATA") + r"\Programs\Mailstage"
    assert_same_files(bundle, prefix.unix(install_dir))
    assert prefix.unix(install_dir + r"\uninstall.exe").is_file()

    shortcut_file = prefix.unix(
        prefix.folder("APPDATA") + r"\Microsoft\Windows\Start Menu\Programs\Mailstage.lnk"
    )
    shortcut = read_shortcut(shortcut_file)
    assert shortcut.target == install_dir + r"\Mailstage"
    assert shortcut.working_dir == install_dir
    assert shortcut.description.startswith("Mailstage")

    values = prefix.reg_query(HKCU_ENTRY)
    assert values is not None, "no uninstall entry under HKCU"
    assert values["DisplayName"].data == "Mailstage"
    assert values["DisplayVersion"].data == version
    assert values["Publisher"].data == "Mailstage"
    assert values["DisplayIcon"].data == install_dir + r"\Mailstage,0"
    assert values["InstallLocation"].data == install_dir
    assert values["UninstallString"].data == f'"{install_dir}\\uninstall.exe"'
    assert values["QuietUninstallString"].data == f'"{install_dir}\\uninstall.exe" /S'
    assert values["NoModify"].data == values["NoRepair"].data == "0x1"
    installed_kb = sum(p.stat().st_size for p in prefix.unix(install_dir).rglob("*") if p.is_file()) // 1024
    assert values["EstimatedSize"].type == "REG_DWORD"
    assert abs(int(values["EstimatedSize"].data, 16) - installed_kb) <= installed_kb // 100
    assert prefix.reg_query(HKLM_ENTRY) is None, "a per-user install must not write the machine's registry"

    write_user_data(prefix)
    # Uninstall the way Apps & features does for a silent removal: its QuietUninstallString. The
    # uninstaller copies itself to %TEMP% and returns at once; wait for the copy to finish.
    uninstaller = values["QuietUninstallString"].data.split('"')[1]
    result = prefix.run(uninstaller, "/S")
    assert result.returncode == 0, result.stdout + result.stderr
    prefix.wait()
    # That temporary copy is removed at the next start of Windows (NSIS schedules it); start once.
    prefix.reboot()

    programs = str(
        prefix.unix(prefix.folder("LOCALAPPDATA") + r"\Programs").relative_to(prefix.path / "drive_c")
    )
    # %LOCALAPPDATA%\Programs is the shell's folder for every per-user program; it may stay, empty.
    assert_nothing_left_but(prefix, before, user_data_paths(prefix) | {programs})
    assert not any((prefix.path / "drive_c" / programs).iterdir())
    assert_user_data_intact(prefix)
    prefix.wait()
    leftovers = [
        line for line in prefix.registry_lines_mentioning("mailstage") if "Software\\\\Mailstage" not in line
    ]
    assert leftovers == [], f"registry still mentions Mailstage: {leftovers}"


def test_upgrade_over_an_older_version_installs_in_place_keeps_user_data_and_leaves_one_uninstall_entry(
    prefix: WinePrefix, built: tuple[Path, Path], version: str, tmp_path: Path
) -> None:
    bundle, installer = built
    old_installer = tmp_path / "Mailstage-0.0.9-setup.exe"
    build_installer(make_old_bundle(tmp_path / "old"), "0.0.9", old_installer)
    custom_dir = r"C:\Apps\Mailstage"  # the admin chose a folder with /D= for the old version

    run_installer(prefix, old_installer, f"/D={custom_dir}")
    old = prefix.reg_query(HKCU_ENTRY)
    assert old is not None and old["DisplayVersion"].data == "0.0.9"
    assert old["InstallLocation"].data == custom_dir
    assert prefix.unix(custom_dir + r"\_internal\old-only.dll").is_file()
    write_user_data(prefix)

    run_installer(prefix, installer)  # no /D: the upgrade finds the old folder itself

    new = prefix.reg_query(HKCU_ENTRY)
    assert new is not None and new["DisplayVersion"].data == version
    assert new["InstallLocation"].data == custom_dir
    assert mailstage_entries(prefix) == ["HKCU\\Mailstage"], "an upgrade must leave exactly one entry"
    assert not prefix.unix(custom_dir + r"\_internal\old-only.dll").exists(), "old program files lingered"
    assert not prefix.unix(custom_dir + r"\_internal\resources\old.txt").exists()
    assert_same_files(bundle, prefix.unix(custom_dir))
    assert not prefix.unix(prefix.folder("LOCALAPPDATA") + r"\Programs\Mailstage").exists()
    shortcut_file = prefix.unix(
        prefix.folder("APPDATA") + r"\Microsoft\Windows\Start Menu\Programs\Mailstage.lnk"
    )
    assert read_shortcut(shortcut_file).target == custom_dir + r"\Mailstage"
    assert_user_data_intact(prefix)

    # Uninstall in place, as deployment scripts do: `_?=` makes the uninstaller run from the folder
    # and return only when done. Windows cannot delete a running program, so uninstall.exe itself
    # stays for the caller to delete (documented NSIS behaviour); nothing else does.
    result = prefix.run(custom_dir + r"\uninstall.exe", "/S", f"_?={custom_dir}")
    assert result.returncode == 0, result.stdout + result.stderr
    assert sorted(p.name for p in prefix.unix(custom_dir).iterdir()) == ["uninstall.exe"]
    assert prefix.reg_query(HKCU_ENTRY) is None
    assert not shortcut_file.exists()
    assert_user_data_intact(prefix)


def test_ALLUSERS_installs_for_everyone_into_program_files_with_a_machine_wide_entry_and_uninstalls(
    prefix: WinePrefix, built: tuple[Path, Path], version: str
) -> None:
    # wine runs programs with administrator rights, like an elevated prompt or a deployment tool.
    bundle, installer = built
    before = prefix.files()
    run_installer(prefix, installer, "/ALLUSERS")

    install_dir = prefix.folder("ProgramFiles") + r"\Mailstage"
    assert_same_files(bundle, prefix.unix(install_dir))
    values = prefix.reg_query(HKLM_ENTRY)
    assert values is not None and values["DisplayVersion"].data == version
    assert values["InstallLocation"].data == install_dir
    assert prefix.reg_query(HKCU_ENTRY) is None
    shortcut_file = prefix.unix(
        prefix.folder("ProgramData") + r"\Microsoft\Windows\Start Menu\Programs\Mailstage.lnk"
    )
    assert read_shortcut(shortcut_file).target == install_dir + r"\Mailstage"

    result = prefix.run(values["QuietUninstallString"].data.split('"')[1], "/S")
    assert result.returncode == 0
    prefix.wait()
    prefix.reboot()
    assert_nothing_left_but(prefix, before, set())
    assert prefix.reg_query(HKLM_ENTRY) is None


def _self_signed_code_signing_cert(folder: Path) -> tuple[Path, Path, Path]:
    """A code-signing certificate made here: (PKCS#12 file, its password file, the certificate PEM)."""
    import datetime

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.hazmat.primitives.serialization import pkcs12
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Mailstage test signing")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=30))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.CODE_SIGNING]), critical=False)
        .sign(key, hashes.SHA256())
    )
    password = b"pfx-" + os.urandom(8).hex().encode()
    pfx = folder / "signing.pfx"
    pfx.write_bytes(
        pkcs12.serialize_key_and_certificates(
            b"mailstage", key, cert, None, serialization.BestAvailableEncryption(password)
        )
    )
    password_file = folder / "signing-password.txt"
    password_file.write_bytes(password)
    pem = folder / "signing.pem"
    pem.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    return pfx, password_file, pem


def verify_signature(exe: Path, ca: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["osslsigncode", "verify", "-CAfile", str(ca), "-in", str(exe)], capture_output=True, text=True
    )


def test_a_configured_certificate_signs_the_installer_and_the_uninstaller_it_installs(
    prefix: WinePrefix, tmp_path: Path
) -> None:
    assert shutil.which("osslsigncode"), "osslsigncode is not installed: run ./dev installer-test"
    pfx, password_file, pem = _self_signed_code_signing_cert(tmp_path)
    env = {
        **os.environ,
        "MAILSTAGE_SIGN_PKCS12": str(pfx),
        "MAILSTAGE_SIGN_PASSWORD_FILE": str(password_file),
    }
    signed = tmp_path / "Mailstage-signed-setup.exe"
    output = build_installer(make_old_bundle(tmp_path / "payload"), "0.0.9", signed, env=env)
    assert "Signing the uninstaller and the installer: osslsigncode" in output
    assert password_file.read_text() not in output, "the signing password reached the build's output"

    installer_check = verify_signature(signed, pem)
    assert installer_check.returncode == 0, installer_check.stdout + installer_check.stderr
    assert "Mailstage test signing" in installer_check.stdout

    run_installer(prefix, signed)
    uninstaller = prefix.unix(prefix.folder("LOCALAPPDATA") + r"\Programs\Mailstage\uninstall.exe")
    uninstaller_check = verify_signature(uninstaller, pem)
    assert uninstaller_check.returncode == 0, uninstaller_check.stdout + uninstaller_check.stderr
    assert "Mailstage test signing" in uninstaller_check.stdout
