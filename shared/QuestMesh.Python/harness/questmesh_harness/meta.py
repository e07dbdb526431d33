"""Format version of every reply; the .NET side refuses replies of another version."""

FORMAT_VERSION = 1
HARNESS_VERSION = "0.1.0"


def meta(command: str, duration_seconds: float) -> dict:
    return {
        "format_version": FORMAT_VERSION,
        "command": command,
        "harness_version": HARNESS_VERSION,
        "duration_seconds": round(duration_seconds, 4),
    }
