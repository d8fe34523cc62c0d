"""Mailstage's PySide6 wizard: presentation only; all work is done by `engine`."""
