#!/usr/bin/env python3
"""Submit a QuestMesh run over RabbitMQ and wait for its end — from any language, no .NET needed.

QuestMesh's services talk through MassTransit. A MassTransit "publish" of a message type T is a
message on the fanout exchange named after T's .NET type ("QuestMesh.Contracts:SubmitRun"), wrapped
in MassTransit's JSON envelope (content type application/vnd.masstransit+json) whose "message" member
holds the contract in camelCase. To hear how the run ends, bind a private queue to the exchanges of
RunCompleted and RunFailed and keep the message whose runId is ours.

usage: submit_run.py --project DIR --target-file shop/pricing.py [--host H] [--port P] [--user U]
                     [--password W] [--vhost V] [--max-attempts N] [--timeout SECONDS]
Prints one JSON line with how the run ended; exit 0 when it completed, 1 when it failed or timed out.
Needs Debian's python3-pika.
"""

import argparse
import json
import os
import socket
import sys
import time
import uuid
from datetime import datetime, timezone

import pika

CONTRACTS = "QuestMesh.Contracts"
MASSTRANSIT_JSON = "application/vnd.masstransit+json"
SKIPPED_FOLDERS = {".git", "__pycache__", ".venv", "venv", "node_modules", ".tox"}
MAX_FILES = 200


def exchange_of(message_type):
    return f"{CONTRACTS}:{message_type}"


def inline_files(project, max_bytes=1_000_000):
    """The project's Python files as inline source entries (relative forward-slash paths)."""
    files = []
    for folder, subfolders, names in os.walk(project):
        subfolders[:] = sorted(d for d in subfolders if d not in SKIPPED_FOLDERS)
        for name in sorted(names):
            if not name.endswith(".py"):
                continue
            path = os.path.join(folder, name)
            relative = os.path.relpath(path, project).replace(os.sep, "/")
            with open(path, encoding="utf-8") as handle:
                content = handle.read(max_bytes + 1)
            if len(content) > max_bytes:
                raise SystemExit(f"{relative} is larger than {max_bytes} bytes; send large projects as an archive")
            files.append({"path": relative, "content": content})
            if len(files) > MAX_FILES:
                raise SystemExit(f"{project} has more than {MAX_FILES} Python files; send it as an archive or a git source")
    return files


def envelope(message_type, message, broker):
    """MassTransit's JSON envelope around one message."""
    return {
        "messageId": str(uuid.uuid4()),
        "conversationId": str(uuid.uuid4()),
        "sourceAddress": f"{broker}/publisher-python-{socket.gethostname()}",
        "destinationAddress": f"{broker}/{exchange_of(message_type)}",
        "messageType": [f"urn:message:{exchange_of(message_type)}"],
        "message": message,
        "sentTime": datetime.now(timezone.utc).isoformat(),
        "headers": {},
        "host": {"machineName": socket.gethostname(), "processName": "submit_run.py", "processId": os.getpid()},
    }


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--project", required=True, help="folder of the Python project")
    parser.add_argument("--target-file", required=True, help="module to test, relative to the project")
    parser.add_argument("--host", default="localhost")
    parser.add_argument("--port", type=int, default=5672)
    parser.add_argument("--user", default="guest")
    parser.add_argument("--password", default=os.environ.get("RABBITMQ_PASSWORD", "guest"))
    parser.add_argument("--vhost", default="/")
    parser.add_argument("--max-attempts", type=int, default=1)
    parser.add_argument("--budget", type=int, default=20, help="search seconds per generate step")
    parser.add_argument("--timeout", type=float, default=600, help="seconds to wait for the run's end")
    args = parser.parse_args(argv)

    credentials = pika.PlainCredentials(args.user, args.password)
    connection = pika.BlockingConnection(pika.ConnectionParameters(args.host, args.port, args.vhost, credentials))
    channel = connection.channel()
    vhost = "" if args.vhost == "/" else args.vhost.strip("/") + "/"
    broker = f"rabbitmq://{args.host}:{args.port}/{vhost}".rstrip("/")

    # Listen before submitting, so even a very fast run's end is heard.
    queue = channel.queue_declare(queue="", exclusive=True, auto_delete=True).method.queue
    for event in ("RunCompleted", "RunFailed"):
        channel.exchange_declare(exchange_of(event), exchange_type="fanout", durable=True)
        channel.queue_bind(queue, exchange_of(event))

    run_id = str(uuid.uuid4())
    submit = {
        "runId": run_id,
        "source": {"kind": "inline", "files": inline_files(args.project)},
        "targetFile": args.target_file,
        "settings": {"maxAttempts": args.max_attempts, "strategy": "search", "searchBudgetSeconds": args.budget},
    }
    channel.exchange_declare(exchange_of("SubmitRun"), exchange_type="fanout", durable=True)
    channel.basic_publish(
        exchange_of("SubmitRun"), routing_key="",
        body=json.dumps(envelope("SubmitRun", submit, broker)).encode("utf-8"),
        properties=pika.BasicProperties(content_type=MASSTRANSIT_JSON, delivery_mode=2, message_id=run_id))
    print(json.dumps({"submitted": run_id}), flush=True)

    deadline = time.monotonic() + args.timeout
    while time.monotonic() < deadline:
        method, properties, body = channel.basic_get(queue, auto_ack=True)
        if method is None:
            connection.sleep(0.2)
            continue
        received = json.loads(body)
        message = received.get("message", {})
        if message.get("runId") != run_id:
            continue
        kind = received["messageType"][0].rsplit(":", 1)[-1]
        end = {"runId": run_id, "end": kind, "reason": message.get("reason")}
        if kind == "RunCompleted":
            best = message.get("best", {})
            end.update(coverage=best.get("coverage"), mutationScore=best.get("mutationScore"), tests=best.get("tests"))
        else:
            end["detail"] = message.get("detail")
        print(json.dumps(end), flush=True)
        connection.close()
        return 0 if kind == "RunCompleted" else 1

    print(json.dumps({"runId": run_id, "end": "timeout", "waitedSeconds": args.timeout}), flush=True)
    connection.close()
    return 1


if __name__ == "__main__":
    sys.exit(main())
