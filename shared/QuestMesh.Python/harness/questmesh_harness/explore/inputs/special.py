"""Values a parameter's name asks for whatever its type says: clocks, dates, paths into the test's folder
tree, Django requests, HTTP dates and file times. Each is source text the written test can run as is."""

from __future__ import annotations

import re
from typing import AbstractSet

from .support import FIXED_TIME, HTTP_DATE

# A clock that moves one tick per reading: injected where code wants a timer, so expiry is reachable and
# the written test runs the same every time.
CLOCKS = ["itertools.count().__next__", "itertools.count(0, 10).__next__", "lambda: 0"]
DATES = ["datetime.date(2020, 2, 29)", "datetime.date(2021, 1, 31)", "datetime.date(2000, 12, 31)",
         "datetime.date(2019, 3, 1)"]
DATETIMES = ["datetime.datetime(2020, 2, 29, 12, 30, 45)", "datetime.datetime(2021, 1, 31, 0, 0)",
             "datetime.datetime(2000, 12, 31, 23, 59, 59, 999999)", "datetime.datetime(2019, 3, 1, 6, 0, 0, 1)"]
TIMEDELTAS = ["datetime.timedelta(days=1, hours=2)", "datetime.timedelta(0)", "datetime.timedelta(days=-3, seconds=5)",
              "datetime.timedelta(weeks=2, microseconds=1)"]
PATHS = ["'hello.txt'", "str(tmp_path)", "tmp_path", "str(tmp_path / 'hello.txt')", "tmp_path / 'sub'", "'sub'",
         "'missing.txt'", "'sub/nested.txt'", "''", "'/'", "'../outside.txt'", "'hello.txt.gz'", "'README'",
         "tmp_path / 'hello.txt'", "str(tmp_path / 'missing')"]
REQUESTS = ["RequestFactory().get('/')", "RequestFactory().get('/', HTTP_IF_MODIFIED_SINCE={date!r})",
            "RequestFactory().get('/', HTTP_IF_MODIFIED_SINCE='Sat, 01 Jan 2000 00:00:00 GMT')",
            "RequestFactory().post('/', {{'a': '1'}})", "RequestFactory().head('/')",
            "RequestFactory().get('/', HTTP_IF_MODIFIED_SINCE='garbage')"]
SPECIAL_NAMES = [  # names that say more than any type: tried first, before the typed values
    ("clock", r"(^|_)(timer|clock|now|time_func|timefunc|time_source)$"),
    ("path", r"(^|_)(path|fullpath|filename|file|folder|directory|dir|root|document_root|docroot|dirname|"
             r"filepath|basedir|base_dir|dest|destination)$|_(path|dir|root|file)$"),
    ("request", r"^(request|req|http_request)$"),
    ("header", r"(^|_)(header|since|if_modified_since|modified_since|http_date|date_header)$"),
    ("timestamp", r"(^|_)(mtime|ctime|atime|timestamp|ts|epoch|expires|expiry|deadline)$"),
]


# The kinds of value each special name's values are: a hint, default or use that says another kind wins
# (`header=False` is a flag, not an HTTP header).
SPECIAL_KINDS: dict[str, set[str]] = {"clock": {"callable"}, "path": {"str", "bytes", "class"}, "request": set(),
                                      "header": {"str"}, "timestamp": {"int", "float"}}


def special_values(name: str, framework: str, kinds: AbstractSet[str] = frozenset({"any"})) -> list[str]:
    """Values a parameter's name asks for unless what is known of its type says otherwise (`kinds`, from
    its hint, default or use): a clock, paths in the test's folder tree, Django requests, HTTP dates, file
    times."""
    lowered = name.lower()
    for kind, pattern in SPECIAL_NAMES:
        if not re.search(pattern, lowered):
            continue
        if kinds and not kinds & (SPECIAL_KINDS[kind] | {"any"}) and kind != "request":
            return []
        if kind == "clock":
            return list(CLOCKS)
        if kind == "path":
            return list(PATHS)
        if kind == "request":
            return [r.format(date=HTTP_DATE) for r in REQUESTS] if framework == "django" else []
        if kind == "header":
            return [repr(HTTP_DATE), repr(HTTP_DATE + "; length=12"), "None", repr("not a date"),
                    repr("Sat, 01 Jan 2000 00:00:00 GMT"), repr(HTTP_DATE + "; length=x")]
        if kind == "timestamp":
            return [repr(FIXED_TIME), repr(FIXED_TIME + 1), repr(FIXED_TIME - 1), "0", repr(FIXED_TIME + 0.5)]
    return []
