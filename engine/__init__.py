"""Mailstage's engine: everything the wizard does, without Qt, usable from the command line and tests."""

__version__ = "0.1.0"
