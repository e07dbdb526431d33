"""Texts a regular expression of the module accepts: a parameter the code matches against a pattern
(`_URI_RE.match(url)`, `self.pattern.sub(convert, self.template)`) gets texts that reach past the match, built
from the pattern's own syntax tree (each alternative in turn, repeats at their least and one more)."""

from __future__ import annotations

import importlib
import random
import re
import zlib
from typing import Any, Optional

# Python's own parser of patterns (its 3.11 names; the typing stubs do not list them).
parser = importlib.import_module("re._parser")
constants = importlib.import_module("re._constants")

MAX_SAMPLES = 4
MAX_LENGTH = 80
MAX_REPEAT = 3  # a repeat runs at its least, then at one more, never past this
# Characters for the classes `\d`, `\w`, `\s` and `.`: the first is the usual pick.
CATEGORY_CHARS = {"CATEGORY_DIGIT": "07", "CATEGORY_NOT_DIGIT": "a-", "CATEGORY_SPACE": " \t",
                  "CATEGORY_NOT_SPACE": "x1", "CATEGORY_WORD": "a_", "CATEGORY_NOT_WORD": " .",
                  "CATEGORY_LINEBREAK": "\n", "CATEGORY_NOT_LINEBREAK": "a"}


def samples(pattern: Any) -> list[str]:
    """A few texts the pattern (compiled, or its source) matches at their start, shortest shapes first;
    empty when it is not a text pattern or its syntax has what this walk does not know."""
    if isinstance(pattern, re.Pattern):
        text, flags = pattern.pattern, pattern.flags
    elif isinstance(pattern, str):
        text, flags = pattern, 0
    else:
        return []
    if not isinstance(text, str):
        return []
    try:
        tree = parser.parse(text, flags)
        compiled = re.compile(text, flags)
    except (re.error, TypeError, ValueError, RecursionError):
        return []
    rng = random.Random(zlib.crc32(text.encode("utf-8", "replace")))
    found: list[str] = []
    for variant in range(MAX_SAMPLES * 3):
        try:
            sample = _walk(tree, rng, variant, {})
        except (_Unknown, RecursionError):
            return found
        if sample is not None and len(sample) <= MAX_LENGTH and sample not in found and compiled.match(sample):
            found.append(sample)
        if len(found) >= MAX_SAMPLES:
            break
    return found


class _Unknown(Exception):
    """A construct the walk does not build text for."""


def _walk(items: Any, rng: random.Random, variant: int, groups: dict[int, str]) -> Optional[str]:
    out: list[str] = []
    for op, value in items:
        name = str(op)
        if name == "LITERAL":
            out.append(chr(value))
        elif name == "NOT_LITERAL":
            out.append("x" if chr(value) != "x" else "y")
        elif name == "ANY":
            out.append("a")
        elif name == "IN":
            out.append(_one_of(value, rng, variant))
        elif name == "BRANCH":
            branches = value[1]
            choice = branches[variant % len(branches)] if variant < len(branches) else rng.choice(branches)
            part = _walk(choice, rng, variant, groups)
            if part is None:
                return None
            out.append(part)
        elif name == "SUBPATTERN":
            group, _, _, body = value
            part = _walk(body, rng, variant, groups)
            if part is None:
                return None
            if group:
                groups[group] = part
            out.append(part)
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            low, high, body = value
            high = low + MAX_REPEAT if high == constants.MAXREPEAT else high
            count = min(high, low + (variant % 2) if variant < 4 else rng.randint(low, min(high, low + 2)))
            for _ in range(min(count, low + MAX_REPEAT)):
                part = _walk(body, rng, variant, groups)
                if part is None:
                    return None
                out.append(part)
        elif name == "GROUPREF":
            out.append(groups.get(value, ""))
        elif name in ("AT", "ASSERT", "ASSERT_NOT"):
            continue  # anchors and lookarounds add no text; the final match check keeps what still fits
        elif name == "ATOMIC_GROUP":
            part = _walk(value, rng, variant, groups)
            if part is None:
                return None
            out.append(part)
        else:
            raise _Unknown(name)
    return "".join(out)


def _one_of(items: Any, rng: random.Random, variant: int) -> str:
    choices: list[str] = []
    negate = False
    for op, value in items:
        name = str(op)
        if name == "NEGATE":
            negate = True
        elif name == "LITERAL":
            choices.append(chr(value))
        elif name == "RANGE":
            low, high = value
            choices += [chr(low), chr(min(high, low + 1))]
        elif name == "CATEGORY":
            choices += list(CATEGORY_CHARS.get(str(value), "a"))
    if negate:
        excluded = set(choices)
        return next(c for c in "xa0 Z_-." if c not in excluded) if set("xa0 Z_-.") - excluded else "\x7f"
    if not choices:
        return "a"
    usual = [c for c in choices if c.isalnum()] or choices  # `[_a-z]`: a letter reads better than `_`
    return usual[0] if variant % 2 == 0 else rng.choice(choices)
