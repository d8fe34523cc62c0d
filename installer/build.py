"""Build Mailstage's installer: PyInstaller bundle -> its --self-test -> NSIS setup.exe.

    python installer/build.py                 # the whole build, the same on Linux and Windows
    python installer/build.py --skip-bundle   # re-wrap the existing dist/Mailstage (NSIS step only)
    python installer/build.py sign FILE       # sign FILE in place (makensis calls this when signing)

Needs: `pip install -e ".[installer]"` (PyInstaller) and makensis (Debian: `apt-get install nsis`;
Windows: NSIS 3, on PATH or in its default folder). Output: dist/Mailstage/ (the bundle) and
dist/Mailstage-<version>-setup.exe. On Linux the bundle is a Linux program (PyInstaller does not
cross-build), so that setup.exe is for testing the installer under wine; the release one comes from
the Windows runner.

Signing (optional; without it the build says so and goes on unsigned):
    MAILSTAGE_SIGN_PKCS12=cert.pfx MAILSTAGE_SIGN_PASSWORD_FILE=pw.txt   osslsigncode, any OS
    MAILSTAGE_SIGN_THUMBPRINT=<sha1 of a certificate in CurrentUser\\My>   signtool, Windows
    MAILSTAGE_SIGN_TIMESTAMP_URL=<RFC 3161 server>                       optional, both
The password is read from a file (or the certificate store), never put on a command line.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from bundle_info import project_metadata, version_tuple  # noqa: E402

DIST = ROOT / "dist"
BUILD = ROOT / "build"
BUNDLE = DIST / "Mailstage"
NSIS_SCRIPT = HERE / "mailstage.nsi"
SPEC = HERE / "mailstage.spec"
ICON = ROOT / "resources" / "icons" / "mailstage.ico"


class BuildError(Exception):
    """A step failed; the message says what and what to do."""


def step(title: str) -> None:
    print(f"\n==> {title}", flush=True)


def human_size(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"


def tree_size(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file() and not path.is_symlink())


def app_exe_name() -> str:
    return "Mailstage.exe" if sys.platform == "win32" else "Mailstage"


def find_makensis() -> str:
    found = shutil.which("makensis")
    if found:
        return found
    if sys.platform == "win32":
        for base in (os.environ.get("PROGRAMFILES(X86)"), os.environ.get("PROGRAMFILES")):
            candidate = Path(base or "") / "NSIS" / "makensis.exe"
            if base and candidate.is_file():
                return str(candidate)
    raise BuildError(
        "makensis (NSIS 3) was not found. Install it: on Debian `apt-get install nsis`, on Windows "
        "`choco install nsis` or the installer from the NSIS project, then run the build again."
    )


def check_prerequisites(skip_bundle: bool) -> str:
    """The tools this build needs, checked before the long steps start."""
    if not skip_bundle and importlib.util.find_spec("PyInstaller") is None:
        raise BuildError(
            f'PyInstaller is not installed for {sys.executable}. Run: {sys.executable} -m pip install -e ".[installer]"'
        )
    if not ICON.is_file():
        raise BuildError(f"{ICON} is missing. Run: {sys.executable} installer/make_icon.py")
    return find_makensis()


def check_version(version: str) -> None:
    """pyproject.toml and engine.__version__ must agree: the installer and the program show both."""
    text = (ROOT / "engine" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__\s*=\s*"([^"]+)"', text, re.MULTILINE)
    if not match or match.group(1) != version:
        found = match.group(1) if match else "nothing"
        raise BuildError(
            f"pyproject.toml says version {version} but engine/__init__.py says {found}. "
            "Set the same version in both, then build again."
        )


def build_translations() -> None:
    subprocess.run([sys.executable, str(ROOT / "tools" / "translations.py"), "build"], check=True, cwd=ROOT)


def build_bundle() -> None:
    if BUNDLE.exists():
        shutil.rmtree(BUNDLE)
    command = [
        sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
        "--distpath", str(DIST), "--workpath", str(BUILD / "pyinstaller"), str(SPEC),
    ]  # fmt: skip
    result = subprocess.run(command, cwd=ROOT)
    if result.returncode != 0:
        raise BuildError(f"PyInstaller failed (exit {result.returncode}); its messages are above.")


def check_bundle(bundle: Path) -> None:
    """Files the program loads at run time that PyInstaller could leave out without an error."""
    internal = bundle / "_internal"
    qt = internal / "PySide6" / "Qt"
    win = sys.platform == "win32"
    ext = "dll" if win else "so"
    prefix = "" if win else "lib"
    expected = [
        bundle / app_exe_name(),
        internal / "resources" / "icons" / "mailstage.ico",
        qt / "translations" / "qtbase_nl.qm",
        qt / "plugins" / "imageformats" / f"{prefix}qico.{ext}",
        qt / "plugins" / "imageformats" / f"{prefix}qsvg.{ext}",
        qt / "plugins" / "imageformats" / f"{prefix}qjpeg.{ext}",
    ]
    expected += [internal / "resources" / "translations" / ts.with_suffix(".qm").name for ts in
                 (ROOT / "resources" / "translations").glob("*.ts")]  # fmt: skip
    if win:
        expected += [
            qt / "plugins" / "platforms" / "qwindows.dll",
            qt / "plugins" / "styles" / "qmodernwindowsstyle.dll",
        ]
    else:
        expected += [
            qt / "plugins" / "platforms" / f"libq{name}.so" for name in ("xcb", "wayland", "offscreen")
        ]
    missing = [str(path.relative_to(bundle)) for path in expected if not path.exists()]
    keyring_meta = list(internal.glob("keyring-*.dist-info/entry_points.txt"))
    if not keyring_meta:
        missing.append("_internal/keyring-*.dist-info/entry_points.txt (keyring's backend registry)")
    if missing:
        raise BuildError("the bundle lacks files the program needs:\n  " + "\n  ".join(missing))


def run_self_test(bundle: Path) -> str:
    """Run the bundle's --self-test the way a user's machine would, with its own state folder."""
    env = dict(os.environ)
    if sys.platform.startswith("linux") and not (env.get("DISPLAY") or env.get("WAYLAND_DISPLAY")):
        env["QT_QPA_PLATFORM"] = "offscreen"
    with tempfile.TemporaryDirectory(prefix="mailstage-build-selftest-") as temp:
        env["MAILSTAGE_HOME"] = str(Path(temp) / "home")
        report = Path(temp) / "self-test.txt"
        # The report file, not stdout: a windowed Windows program has no stdout to capture.
        result = subprocess.run(
            [str(bundle / app_exe_name()), "--self-test", str(report)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            timeout=300,
        )
        text = report.read_text(encoding="utf-8") if report.exists() else ""
    print(text, end="")
    if result.returncode != 0 or not text:
        raise BuildError(
            f"the bundle's --self-test failed (exit {result.returncode}); "
            + ("see the lines marked FAIL above." if text else f"it wrote no report. {result.stderr[-2000:]}")
        )
    return text


def signing_config() -> tuple[list[str] | None, str]:
    """The signing tool's command (without the file) and a description; (None, why) when not configured."""
    pkcs12 = os.environ.get("MAILSTAGE_SIGN_PKCS12")
    thumbprint = os.environ.get("MAILSTAGE_SIGN_THUMBPRINT")
    timestamp = os.environ.get("MAILSTAGE_SIGN_TIMESTAMP_URL")
    if pkcs12:
        password_file = os.environ.get("MAILSTAGE_SIGN_PASSWORD_FILE")
        tool = shutil.which("osslsigncode")
        if not tool:
            raise BuildError(
                "MAILSTAGE_SIGN_PKCS12 is set but osslsigncode is not installed (Debian: osslsigncode)."
            )
        if not Path(pkcs12).is_file():
            raise BuildError(f"MAILSTAGE_SIGN_PKCS12 names {pkcs12}, which does not exist.")
        command = [tool, "sign", "-pkcs12", pkcs12, "-h", "sha256", "-n", "Mailstage"]
        if password_file:
            command += ["-readpass", password_file]
        if timestamp:
            command += ["-ts", timestamp]
        return command, f"osslsigncode with {Path(pkcs12).name}"
    if thumbprint:
        tool = shutil.which("signtool")
        if not tool:
            raise BuildError(
                "MAILSTAGE_SIGN_THUMBPRINT is set but signtool.exe (Windows SDK) is not on PATH."
            )
        command = [tool, "sign", "/sha1", thumbprint, "/fd", "sha256", "/d", "Mailstage"]
        if timestamp:
            command += ["/tr", timestamp, "/td", "sha256"]
        return command, f"signtool with certificate {thumbprint}"
    return None, (
        "no certificate configured (set MAILSTAGE_SIGN_PKCS12 and MAILSTAGE_SIGN_PASSWORD_FILE, or "
        "MAILSTAGE_SIGN_THUMBPRINT on Windows); the installer and its uninstaller are NOT signed"
    )


def sign_file(path: Path) -> None:
    """Sign PATH in place with the configured certificate (called by makensis for both executables)."""
    command, what = signing_config()
    if command is None:
        raise BuildError(f"cannot sign {path}: {what}")
    if command[1] == "sign" and Path(command[0]).stem == "osslsigncode":
        signed = path.with_name(path.name + ".signed")
        subprocess.run(
            [*command, "-in", str(path), "-out", str(signed)], check=True, stdout=subprocess.DEVNULL
        )
        os.replace(signed, path)
    else:
        subprocess.run([*command, str(path)], check=True)
    print(f"signed {path.name} ({what})")


def nsis_file_lists(bundle: Path, folder: Path) -> tuple[Path, Path]:
    """Write the install and uninstall lists for the bundle's top-level entries."""
    folder.mkdir(parents=True, exist_ok=True)
    install, remove = [], []
    for entry in sorted(bundle.iterdir()):
        if entry.is_dir() and not any(entry.iterdir()):
            # File /r refuses an empty folder; the program may still expect it to exist.
            install.append(f'CreateDirectory "$INSTDIR\\{entry.name}"')
            remove.append(f'RMDir /r "$INSTDIR\\{entry.name}"')
        elif entry.is_dir():
            install.append(f'File /r "{entry}"')
            remove.append(f'RMDir /r "$INSTDIR\\{entry.name}"')
        else:
            install.append(f'File "{entry}"')
            remove.append(f'Delete "$INSTDIR\\{entry.name}"')
    files_nsh, unfiles_nsh = folder / "install_files.nsh", folder / "uninstall_files.nsh"
    files_nsh.write_text("\n".join(install) + "\n", encoding="utf-8")
    unfiles_nsh.write_text("\n".join(remove) + "\n", encoding="utf-8")
    return files_nsh, unfiles_nsh


def build_installer(
    makensis: str, bundle: Path, version: str, publisher: str, output: Path, compressor: str
) -> Path:
    if not (bundle / app_exe_name()).exists():
        raise BuildError(f"no bundle at {bundle} (expected {app_exe_name()} in it). Build it first.")
    lists = Path(tempfile.mkdtemp(prefix="mailstage-nsis-"))
    files_nsh, unfiles_nsh = nsis_file_lists(bundle, lists)
    numbers = ".".join(str(n) for n in version_tuple(version))
    output.parent.mkdir(parents=True, exist_ok=True)
    defines = {
        "VERSION": version,
        "VERSION4": numbers,
        "PUBLISHER": publisher,
        "OUTFILE": str(output),
        "ICON": str(ICON),
        "APP_EXE": app_exe_name(),
        "FILES_NSH": str(files_nsh),
        "UNFILES_NSH": str(unfiles_nsh),
        "COMPRESSOR": compressor,
    }
    sign_command, sign_what = signing_config()
    if sign_command is None:
        print(f"Signing skipped: {sign_what}.")
    else:
        defines["SIGN_COMMAND"] = f'"{sys.executable}" "{Path(__file__).resolve()}" sign'
        print(f"Signing the uninstaller and the installer: {sign_what}.")
    command = [makensis, "-V2", "-INPUTCHARSET", "UTF8"]
    command += [f"-D{key}={value}" for key, value in defines.items()]
    command.append(str(NSIS_SCRIPT))
    if output.exists():
        output.unlink()
    try:
        result = subprocess.run(command, cwd=HERE)
    finally:
        shutil.rmtree(lists, ignore_errors=True)
    if result.returncode != 0 or not output.is_file():
        raise BuildError(f"makensis failed (exit {result.returncode}); its messages are above.")
    return output


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="installer/build.py", description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--skip-bundle", action="store_true", help="reuse the bundle (no PyInstaller, no self-test)"
    )
    parser.add_argument(
        "--bundle",
        type=Path,
        default=BUNDLE,
        help="with --skip-bundle: the bundle folder to wrap (default dist/Mailstage)",
    )
    parser.add_argument("--version", help="the version to stamp on the installer (default: pyproject.toml's)")
    parser.add_argument(
        "--output", type=Path, help="the setup.exe to write (default dist/Mailstage-<version>-setup.exe)"
    )
    parser.add_argument(
        "--compression", choices=("lzma", "zlib"), default="lzma", help="zlib is quicker, for test builds"
    )
    return parser.parse_args(argv)


def main(argv: list[str]) -> int:
    if argv[:1] == ["sign"]:
        if len(argv) != 2:
            print("usage: installer/build.py sign FILE", file=sys.stderr)
            return 2
        try:
            sign_file(Path(argv[1]))
        except (BuildError, subprocess.CalledProcessError) as error:
            print(f"Signing failed: {error}", file=sys.stderr)
            return 1
        return 0
    args = parse_args(argv)
    meta = project_metadata()
    version = args.version or meta["version"]
    output = args.output or DIST / f"Mailstage-{version}-setup.exe"
    bundle = args.bundle if args.skip_bundle else BUNDLE
    timings: dict[str, float] = {}
    try:
        step("Checking the tools")
        makensis = check_prerequisites(args.skip_bundle)
        check_version(meta["version"])
        print(f"Mailstage {version}; Python {sys.version.split()[0]} on {sys.platform}; makensis: {makensis}")
        if not args.skip_bundle:
            step("Building the translations")
            build_translations()
            step("Building the PyInstaller bundle")
            started = time.monotonic()
            build_bundle()
            timings["bundle"] = time.monotonic() - started
            check_bundle(bundle)
            step("Running the bundle's --self-test")
            started = time.monotonic()
            run_self_test(bundle)
            timings["self-test"] = time.monotonic() - started
        step("Building the installer with makensis")
        started = time.monotonic()
        installer = build_installer(makensis, bundle, version, meta["publisher"], output, args.compression)
        timings["installer"] = time.monotonic() - started
    except BuildError as error:
        print(f"\nBuild failed: {error}", file=sys.stderr)
        return 1
    step("Done")
    print(f"bundle:    {bundle} ({human_size(tree_size(bundle))})")
    print(f"installer: {installer} ({human_size(installer.stat().st_size)})")
    print("times:     " + ", ".join(f"{name} {seconds:.1f} s" for name, seconds in timings.items()))
    if sys.platform != "win32":
        print("Note: this setup.exe wraps the Linux bundle (for testing the installer under wine); "
              "the Windows installer is built on Windows.")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
