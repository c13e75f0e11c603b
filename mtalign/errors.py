"""The one exception type the CLI turns into a one-line message and exit code 2."""


class UserError(Exception):
    """Bad input or usage: the message names the file (and line or byte) at fault."""
