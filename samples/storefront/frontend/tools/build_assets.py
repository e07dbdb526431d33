"""A front-end build helper: Python, but not the back end's code (QuestMesh skips frontend/)."""


def fingerprint(name: str) -> str:
    return name + ".v1"
