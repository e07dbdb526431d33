"""Reads one JSON request from stdin, runs one command, writes one JSON reply to stdout."""

from __future__ import annotations

import json
import sys
import time
import traceback

from .commands import COMMANDS, run
from .errors import HarnessError
from .meta import meta


def main(argv: list[str]) -> int:
    if len(argv) != 1 or argv[0] not in COMMANDS:
        sys.stderr.write(f"usage: python -m questmesh_harness {{{'|'.join(COMMANDS)}}} < request.json\n")
        return 2
    command = argv[0]
    # The code under test may print; keep our stdout for the one reply.
    reply_stream = sys.stdout
    sys.stdout = sys.stderr
    started = time.perf_counter()
    try:
        request = json.loads(sys.stdin.read() or "{}")
        if not isinstance(request, dict):
            raise HarnessError("the request must be a JSON object")
        reply = run(command, request)
        code = 0
    except HarnessError as error:
        reply = {"error": str(error)}
        code = 2
    except json.JSONDecodeError as error:
        reply = {"error": f"the request is not valid JSON: {error}"}
        code = 2
    reply["meta"] = meta(command, time.perf_counter() - started)
    try:
        text = json.dumps(reply, default=str)
    except (TypeError, ValueError):
        traceback.print_exc()
        return 1
    reply_stream.write(text)
    reply_stream.flush()
    return code
