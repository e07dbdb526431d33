"""The reports CI reads, made by the tools themselves inside the sandbox and handed back as text.

Cobertura XML and the HTML report come from coverage.py (`xml_report`, `html_report`) over the same
modules the figures count, JUnit XML from pytest's `--junitxml`. The sandbox's files vanish with it, so
each report travels in the reply: XML as text, the HTML report as files in base64. The Cobertura file
names are made relative to the repository (the Python root's path in front), with `.` as the source,
so CI tools find the files from the repository's checkout.
"""

from __future__ import annotations

import base64
import os
import warnings
import xml.etree.ElementTree as ElementTree
from pathlib import Path
from typing import Any

import coverage


def cobertura(cov: coverage.Coverage, modules: list[str], folder: Path, prefix: str) -> str:
    path = folder / "coverage.xml"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        cov.xml_report(morfs=modules, outfile=str(path), ignore_errors=True)
    tree = ElementTree.parse(path)
    root = tree.getroot()
    for source in root.iter("source"):
        source.text = "."
    if prefix:
        for element in root.iter("class"):
            element.set("filename", f"{prefix}/{element.get('filename')}")
    return '<?xml version="1.0" ?>\n' + ElementTree.tostring(root, encoding="unicode")


def html(cov: coverage.Coverage, modules: list[str], folder: Path, title: str) -> list[dict[str, Any]]:
    directory = folder / "html"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        cov.html_report(morfs=modules, directory=str(directory), title=title, ignore_errors=True)
    files = []
    for base, _, names in os.walk(directory):
        for name in sorted(names):
            path = Path(base) / name
            files.append({"path": path.relative_to(directory).as_posix(),
                          "base64": base64.b64encode(path.read_bytes()).decode("ascii")})
    return sorted(files, key=lambda f: f["path"])


def junit(path: Path) -> str | None:
    return path.read_text(encoding="utf-8") if path.is_file() else None
