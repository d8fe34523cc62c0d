"""The bundle's entry point: PyInstaller freezes this script as Mailstage(.exe)."""

from gui.app import main

raise SystemExit(main())
