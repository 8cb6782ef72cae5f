"""The one error an import can end with: a sentence for the editor."""


class ImportRefused(Exception):
    """A file cannot be imported; the message names the file and the problem."""
