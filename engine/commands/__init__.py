"""The subcommands of mailstage-cli, one module each.

Each module defines `register(subparsers)`, which adds its parser and sets `func` to a callable
taking the parsed arguments and returning the exit code. The CLI and the wizard call the same engine
functions; these modules only parse, print and choose exit codes.
"""
