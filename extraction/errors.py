"""The one exception type for problems a user can cause and fix."""


class NewslensError(ValueError):
    """Bad input (empty text, binary file, bad date, ...) with a message a person can act on."""
