"""The harness's one base exception."""


class HarnessError(Exception):
    """A request the harness cannot serve; the message is shown to the user as it is."""
