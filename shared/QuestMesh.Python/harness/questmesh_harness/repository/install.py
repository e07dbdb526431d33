"""`install`: a repository's declared requirements installed into the virtual environment this process runs in.

The .NET side makes the environment (`python3 -m venv --system-site-packages`, so the system's packages, the
harness's tools among them, stay visible) and runs this command in the sandbox with that environment's
interpreter, its folder the one writable place, and the network only when a package index is given. Each
requirement is first checked against what is installed (the system's packages count); what is missing is
installed by pip (Debian's, seen through the system site) from the given index and/or wheel folder, wheels only
unless told otherwise (a source distribution runs its own code to build). pytest, pluggy and coverage are held
at the versions the harness runs on. When pip cannot install them all at once, each missing requirement is tried
alone, so one that cannot be installed does not keep the others out, and its reason is pip's own.
"""

from __future__ import annotations

import importlib
import importlib.metadata
import os
import subprocess
import sys
import sysconfig
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from packaging.requirements import InvalidRequirement, Requirement
from packaging.utils import canonicalize_name

from ..errors import HarnessError
from ..request import number

HELD = ("pytest", "pluggy", "coverage")
LOG_CHARS = 4000
# Distributions whose import name is not their own (the usual suspects); otherwise the name with `_` for `-`.
IMPORT_NAMES = {
    "pyyaml": ["yaml"], "beautifulsoup4": ["bs4"], "pillow": ["PIL"], "python-dateutil": ["dateutil"],
    "scikit-learn": ["sklearn"], "opencv-python": ["cv2"], "opencv-python-headless": ["cv2"],
    "attrs": ["attr", "attrs"], "pyjwt": ["jwt"], "python-dotenv": ["dotenv"], "psycopg2-binary": ["psycopg2"],
    "protobuf": ["google"], "msgpack-python": ["msgpack"], "mysqlclient": ["MySQLdb"], "pyzmq": ["zmq"],
    "djangorestframework": ["rest_framework"], "python-multipart": ["multipart"],
    "email-validator": ["email_validator"],
}


@dataclass(frozen=True)
class InstallRequest:
    requirements: list[str]
    index_url: str | None
    find_links: str | None
    only_binary: bool
    timeout_seconds: float

    @staticmethod
    def parse(request: dict) -> "InstallRequest":
        requirements = request.get("requirements") or []
        if not isinstance(requirements, list) or not all(isinstance(r, str) and r.strip() for r in requirements):
            raise HarnessError("requirements must be a list of requirement strings")
        index_url, find_links = request.get("index_url"), request.get("find_links")
        if index_url is not None and (not isinstance(index_url, str) or "://" not in index_url):
            raise HarnessError("index_url must be a URL")
        if find_links is not None and (not isinstance(find_links, str) or not os.path.isabs(find_links)):
            raise HarnessError("find_links must be an absolute folder path")
        return InstallRequest([r.strip() for r in requirements], index_url or None, find_links or None,
                              request.get("only_binary") is not False,
                              number(request, "timeout_seconds", 600.0, minimum=1.0))


@dataclass
class Pip:
    request: InstallRequest
    constraints: Path
    deadline: float
    log: str = ""

    def install(self, requirements: list[str]) -> tuple[bool, str]:
        """(installed, pip's reason when not) for one pip run over `requirements`."""
        left = self.deadline - time.monotonic()
        if left <= 1:
            return False, "the time for installing was spent"
        command = [sys.executable, "-I", "-m", "pip", "install", "--isolated", "--no-input", "--no-cache-dir",
                   "--disable-pip-version-check", "--no-color", "--progress-bar", "off", "--no-warn-script-location",
                   "--no-compile", "--constraint", str(self.constraints)]
        if self.request.only_binary:
            command += ["--only-binary", ":all:"]
        command += ["--index-url", self.request.index_url] if self.request.index_url else ["--no-index"]
        if self.request.find_links:
            command += ["--find-links", self.request.find_links]
        try:
            done = subprocess.run(command + ["--", *requirements], capture_output=True, text=True, timeout=left,
                                  stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired:
            return False, f"pip did not finish within {self.request.timeout_seconds:.0f} s"
        self.log = (self.log + done.stdout + done.stderr)[-LOG_CHARS:]
        return done.returncode == 0, _reason(done.stderr, done.returncode)


def run(request: dict) -> dict:
    req = InstallRequest.parse(request)
    if sys.prefix == sys.base_prefix:
        raise HarnessError("install runs only in a virtual environment (by its interpreter), "
                           "never into the system's Python")
    entries = [_entry(text) for text in req.requirements]
    wanted = [e for e in entries if e["status"] == "wanted"]
    for entry in wanted:
        _check(entry)
        if entry["status"] == "missing" and entry["name"] in HELD:
            entry["status"] = "failed"
            entry["reason"] = (f"QuestMesh's harness runs on {entry['name']} {entry['version']}, which this does not "
                               "allow; the tests run with that version")
    missing = [e for e in wanted if e["status"] == "missing"]
    pip_ran, log = False, ""
    if missing and not (req.index_url or req.find_links):
        for entry in missing:
            entry["reason"] = ((entry["reason"] or "not installed here")
                               + ", and there is no package index or wheel folder to install it from")
    elif missing:
        pip_ran = True
        reasons: dict[str, str] = {}
        with tempfile.TemporaryDirectory(prefix="questmesh-install-") as work:
            pip = Pip(req, _held_versions(Path(work)), time.monotonic() + req.timeout_seconds)
            done, _ = pip.install([e["requirement"] for e in wanted if e["status"] != "failed"])
            for entry in [] if done else missing:
                alone, why = pip.install([entry["requirement"]])
                if not alone:
                    reasons[entry["requirement"]] = why
            log = pip.log
        for entry in missing:
            entry["reason"] = reasons.get(entry["requirement"])
            _check(entry, installed=True)
    for entry in entries:
        if entry["status"] in ("missing", "failed"):
            entry["import_names"] = import_names(entry["name"])
    return {"python": sys.version.split()[0], "prefix": sys.prefix, "requirements": entries,
            "installed": _installed_here(), "pip": {"ran": pip_ran, "log": log}}


def _entry(text: str) -> dict[str, Any]:
    entry: dict[str, Any] = {"requirement": text, "name": None, "status": "wanted", "version": None, "reason": None}
    try:
        requirement = Requirement(text)
    except InvalidRequirement as error:
        return entry | {"status": "failed", "reason": f"not a requirement: {error}"}
    entry["name"] = canonicalize_name(requirement.name)
    if requirement.url:
        return entry | {"status": "failed", "reason": "a direct reference (a URL or a path) is never installed"}
    if requirement.marker is not None and not requirement.marker.evaluate():
        return entry | {"status": "not-needed", "reason": f"its marker ({requirement.marker}) excludes this Python"}
    return entry


def _check(entry: dict[str, Any], installed: bool = False) -> None:
    """Sets `status` (satisfied, installed, missing or failed) and `version` from what is installed now."""
    requirement = Requirement(entry["requirement"])
    importlib.invalidate_caches()
    try:
        version: str | None = importlib.metadata.version(requirement.name)
    except importlib.metadata.PackageNotFoundError:
        version = None
    fits = version is not None and requirement.specifier.contains(version, prereleases=True)
    entry["version"] = version
    if installed:
        entry["status"] = "installed" if fits else "failed"
        if not fits and entry["reason"] is None:
            entry["reason"] = (f"pip finished, but {version} does not satisfy it" if version
                               else "pip finished, but it is not installed")
    else:
        entry["status"] = "satisfied" if fits else "missing"
        if version and not fits:
            entry["reason"] = f"{version} is installed, which does not satisfy it"


def _held_versions(folder: Path) -> Path:
    """A constraints file that holds the harness's own tools at the versions it runs on."""
    lines = []
    for name in HELD:
        try:
            lines.append(f"{name}=={importlib.metadata.version(name)}")
        except importlib.metadata.PackageNotFoundError:
            continue
    path = folder / "held.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _reason(stderr: str, code: int) -> str:
    errors = [line.removeprefix("ERROR:").strip() for line in stderr.splitlines()
              if line.startswith("ERROR:") and not line.startswith("ERROR: ResolutionImpossible")]
    if errors:
        return errors[-1]
    lines = [line.strip() for line in stderr.splitlines() if line.strip()]
    return lines[-1] if lines else f"pip exited with code {code}"


def import_names(name: str | None) -> list[str]:
    """The names a distribution is probably imported by (a guess for one that is not installed)."""
    if not name:
        return []
    return IMPORT_NAMES.get(name, [name.replace("-", "_").replace(".", "_")])


def _installed_here() -> list[str]:
    """The distributions installed in this environment itself (not the system's): `name version`."""
    site = Path(sysconfig.get_path("purelib"))
    found = []
    for dist in importlib.metadata.distributions(path=[str(site)]):
        name = dist.metadata["Name"]
        if name:
            found.append(f"{canonicalize_name(name)} {dist.version}")
    return sorted(set(found))
