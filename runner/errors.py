"""The one exception type for bad input.

Why: the CLI promises a one-line error and exit code 1 for anything the user got wrong
(a malformed collection, a missing file, a bad flag value) and a traceback for nothing.
Every module raises a subclass of this; the CLI catches exactly this.
"""


class PmreplayError(Exception):
    """Bad input: the CLI prints str(e) on one line and exits 1."""
