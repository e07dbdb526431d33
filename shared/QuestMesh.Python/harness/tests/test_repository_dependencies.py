"""A repository's own dependencies: what survey finds declared, what install puts into a virtual environment
(offline, from a wheel folder made here), and which modules measure finds unimportable."""

from __future__ import annotations

import subprocess
import zipfile
from pathlib import Path

import pytest

from _mutexec_support import PYTHON, run_harness, write_files


def survey(repo: Path) -> dict:
    code, reply, stderr = run_harness("survey", {"repo_dir": str(repo)})
    assert code == 0, stderr
    return reply


def make_wheel(folder: Path, name: str, version: str, code: str) -> Path:
    """A pure-Python wheel written by hand (a zip with the package and its dist-info): no build, no network."""
    folder.mkdir(parents=True, exist_ok=True)
    info = f"{name}-{version}.dist-info"
    files = {
        f"{name}/__init__.py": code,
        f"{info}/METADATA": f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n",
        f"{info}/WHEEL": "Wheel-Version: 1.0\nGenerator: questmesh-tests\nRoot-Is-Purelib: true\nTag: py3-none-any\n",
    }
    path = folder / f"{name}-{version}-py3-none-any.whl"
    with zipfile.ZipFile(path, "w") as wheel:
        for member, text in files.items():
            wheel.writestr(member, text)
        wheel.writestr(f"{info}/RECORD", "".join(f"{member},,\n" for member in [*files, f"{info}/RECORD"]))
    return path


@pytest.fixture
def venv(tmp_path: Path) -> str:
    """A virtual environment that sees the system's packages, as the .NET side makes it."""
    folder = tmp_path / "venv"
    subprocess.run([PYTHON, "-m", "venv", "--system-site-packages", "--without-pip", str(folder)], check=True)
    return str(folder / "bin" / "python")


def install(python: str, requirements: list[str], **extra) -> dict:
    code, reply, stderr = run_harness("install", {"requirements": requirements, "timeout_seconds": 120, **extra},
                                      python=python)
    assert code == 0, (stderr, reply)
    return {r["requirement"]: r for r in reply["requirements"]} | {"_reply": reply}


def test_survey_reports_the_declared_requirements_and_what_it_leaves_out(tmp_path: Path) -> None:
    repo = write_files(tmp_path, {
        "requirements.txt": """
            # runtime
            flask>=2.2  # the web app
            requests==2.31.0 \\
                --hash=sha256:abc
            -r requirements/extra.txt
            -e .
            --index-url https://example.invalid/simple
            git+https://example.invalid/lib.git
            ./vendor/thing-1.0.whl
            not a requirement!
        """,
        "requirements/extra.txt": "pyyaml; python_version >= '3.8'\n",
        "pyproject.toml": """
            [project]
            name = "Shop"
            dependencies = ["attrs>=21", "shop[extra]"]
            [project.optional-dependencies]
            test = ["hypothesis"]
        """,
        "setup.cfg": "[options]\ninstall_requires =\n    click>=8\n",
        "setup.py": "",
        "shop/__init__.py": "",
    })

    dependencies = survey(repo)["dependencies"]

    assert dependencies["files"] == ["requirements.txt", "requirements/extra.txt", "pyproject.toml", "setup.cfg"]
    assert dependencies["install"] == ["flask>=2.2", "requests==2.31.0", 'pyyaml; python_version >= "3.8"',
                                       "attrs>=21", "hypothesis", "click>=8"]
    by_name = {r["name"]: r for r in dependencies["requirements"]}
    assert (by_name["requests"]["source"], by_name["requests"]["line"]) == ("requirements.txt", 3)
    assert by_name["hypothesis"]["group"] == "test"
    ignored = {entry["text"]: entry["reason"] for entry in dependencies["ignored"]}
    assert ignored["-e ."].startswith("an editable install")
    assert ignored["--index-url https://example.invalid/simple"].startswith("a pip option")
    assert ignored["git+https://example.invalid/lib.git"].startswith("a direct reference")
    assert ignored["./vendor/thing-1.0.whl"].startswith("a direct reference")
    assert ignored["not a requirement!"].startswith("not a requirement")
    assert ignored["shop[extra]"].startswith("the project itself")
    assert "never run" in ignored["setup.py"]


def test_survey_reads_the_repository_root_when_the_python_lives_below_it(tmp_path: Path) -> None:
    repo = write_files(tmp_path, {"requirements.txt": "flask\n", "backend/requirements.txt": "requests\n",
                                  "backend/api/__init__.py": "", "frontend/package.json": "{}"})

    dependencies = survey(repo)["dependencies"]

    assert dependencies["files"] == ["backend/requirements.txt", "requirements.txt"]
    assert dependencies["install"] == ["requests", "flask"]


def test_survey_without_declarations_has_nothing_to_install(tmp_path: Path) -> None:
    dependencies = survey(write_files(tmp_path, {"calc.py": "x = 1\n"}))["dependencies"]

    assert dependencies == {"files": [], "requirements": [], "install": [], "ignored": []}


def test_install_puts_a_wheel_from_the_folder_into_the_environment(tmp_path: Path, venv: str) -> None:
    wheels = tmp_path / "wheels"
    make_wheel(wheels, "tinydep", "1.0", "ANSWER = 42\n")

    result = install(venv, ["tinydep==1.0", "pytest", "colorama; python_version < '3'"], find_links=str(wheels))

    assert (result["tinydep==1.0"]["status"], result["tinydep==1.0"]["version"]) == ("installed", "1.0")
    assert result["pytest"]["status"] == "satisfied"
    assert result["colorama; python_version < '3'"]["status"] == "not-needed"
    assert result["_reply"]["installed"] == ["tinydep 1.0"]
    assert subprocess.run([venv, "-c", "import tinydep; print(tinydep.ANSWER)"], capture_output=True,
                          text=True).stdout.strip() == "42"


def test_install_says_which_requirement_failed_and_installs_the_others(tmp_path: Path, venv: str) -> None:
    wheels = tmp_path / "wheels"
    make_wheel(wheels, "tinydep", "1.0", "ANSWER = 42\n")

    result = install(venv, ["tinydep", "nosuchdep==1.0", "pytest>=99"], find_links=str(wheels))

    assert result["tinydep"]["status"] == "installed"
    missing = result["nosuchdep==1.0"]
    assert missing["status"] == "failed"
    assert "No matching distribution found for nosuchdep==1.0" in missing["reason"]
    assert missing["import_names"] == ["nosuchdep"]
    held = result["pytest>=99"]
    assert held["status"] == "failed" and held["reason"].startswith("QuestMesh's harness runs on pytest")


def test_install_without_an_index_or_wheels_only_checks(venv: str) -> None:
    result = install(venv, ["flask", "pyyaml==99.0"])

    assert result["flask"]["status"] == "satisfied"
    missing = result["pyyaml==99.0"]
    assert missing["status"] == "missing"
    assert "no package index or wheel folder" in missing["reason"]
    assert missing["import_names"] == ["yaml"]
    assert result["_reply"]["pip"]["ran"] is False and result["_reply"]["installed"] == []


def test_install_refuses_the_system_python() -> None:
    code, reply, _ = run_harness("install", {"requirements": ["flask"]})

    assert code == 2
    assert "virtual environment" in reply["error"]


def test_measure_names_the_modules_whose_imports_are_not_installed(tmp_path: Path) -> None:
    root = write_files(tmp_path, {
        "shop/__init__.py": "",
        "shop/feeds.py": "import os\nimport nosuchdep.client\nfrom shop import prices\n",
        "shop/prices.py": "try:\n    import ujson_never\nexcept ImportError:\n    ujson_never = None\n\n\n"
                          "def load():\n    import never_either\n",
        "shop/report.py": "from nosuchdep import render\n",
        "tests/test_prices.py": "from shop.prices import load\n\n\ndef test_load():\n    assert load\n",
    })
    code, reply, stderr = run_harness("measure", {
        "project_dir": str(root), "tests": ["tests/test_prices.py"], "timeout_seconds": 60,
        "modules": ["shop/__init__.py", "shop/feeds.py", "shop/prices.py", "shop/report.py"]})

    assert code == 0, stderr
    assert reply["missing_imports"] == [{"name": "nosuchdep", "modules": ["shop/feeds.py", "shop/report.py"]}]
