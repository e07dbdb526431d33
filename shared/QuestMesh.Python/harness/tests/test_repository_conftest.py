"""The conftest.py survey writes for the generated tests of a Django, Flask or FastAPI repository, and that a suite
using it passes under measure (Django and Flask are installed here; FastAPI is not, so its text is checked and
measure names it as a missing import)."""

from __future__ import annotations

from pathlib import Path

from _mutexec_support import run_harness, write_files

FOLDER = "tests/generated"


def survey(repo: Path) -> dict:
    code, reply, stderr = run_harness("survey", {"repo_dir": str(repo), "generated_folder": FOLDER})
    assert code == 0, stderr
    return reply


def measure(root: Path, tests: list[str], modules: list[str]) -> dict:
    code, reply, stderr = run_harness("measure", {"project_dir": str(root), "tests": tests, "modules": modules,
                                                  "timeout_seconds": 60})
    assert code == 0, (stderr, reply)
    return reply


def with_conftest(root: Path, generated_tests: dict[str, str]) -> dict:
    """Surveys `root`, writes its conftest and the given generated tests, and measures them all."""
    reply = survey(root)
    conftest = reply["conftest"]
    assert conftest["source"] is not None, conftest
    write_files(root, {conftest["path"]: conftest["source"], **generated_tests})
    return measure(root, reply["tests"] + list(generated_tests), reply["modules"]) | {"conftest": conftest}


FLASK_FACTORY = {
    "shop/__init__.py": """
        from flask import Flask


        def create_app(test_config=None):
            app = Flask(__name__)
            if test_config:
                app.config.update(test_config)

            @app.get("/ping")
            def ping():
                return {"pong": True, "testing": app.config["TESTING"]}

            return app
    """,
    "tests/test_shop.py": """
        from shop import create_app


        def test_app():
            assert create_app() is not None
    """,
}


def test_flask_factory_gets_app_and_client_fixtures_that_work(tmp_path: Path) -> None:
    reply = with_conftest(write_files(tmp_path, FLASK_FACTORY), {f"{FOLDER}/test_ping.py": """
        def test_ping(client):
            assert client.get("/ping").get_json() == {"pong": True, "testing": True}
    """})

    conftest = reply["conftest"]
    assert (conftest["path"], conftest["framework"]) == ("tests/generated/conftest.py", "flask")
    assert conftest["fixtures"] == ["app", "client"] and conftest["requires"] == ["flask"]
    assert "from shop import create_app" in conftest["source"]
    assert reply["status"] == "passed", reply["tests"]
    assert reply["totals"]["passed"] == 2


def test_flask_app_object_is_used_when_there_is_no_factory(tmp_path: Path) -> None:
    root = write_files(tmp_path, {"app.py": """
        from flask import Flask

        app = Flask(__name__)


        @app.get("/")
        def index():
            return "hello"
    """})

    reply = with_conftest(root, {f"{FOLDER}/test_index.py": """
        def test_index(client, app):
            assert app.testing
            assert client.get("/").data == b"hello"
    """})

    assert "from app import app as flask_app" in reply["conftest"]["source"]
    assert reply["status"] == "passed", reply["tests"]


def test_flask_fixtures_a_conftest_above_defines_are_left_to_it(tmp_path: Path) -> None:
    files = FLASK_FACTORY | {"tests/conftest.py": """
        import pytest

        from shop import create_app


        @pytest.fixture(name="client")
        def web_client():
            return create_app({"TESTING": True}).test_client()
    """}

    conftest = survey(write_files(tmp_path, files))["conftest"]

    assert conftest["fixtures"] == ["app"]
    assert "def client" not in conftest["source"]
    assert "`client` is left to tests/conftest.py" in conftest["reason"]


def test_django_settings_come_from_manage_py_and_models_import(tmp_path: Path) -> None:
    root = write_files(tmp_path, {
        "manage.py": """
            import os
            import sys

            if __name__ == "__main__":
                os.environ.setdefault("DJANGO_SETTINGS_MODULE", "site_conf.settings")
                from django.core.management import execute_from_command_line
                execute_from_command_line(sys.argv)
        """,
        "site_conf/__init__.py": "",
        "site_conf/settings.py": """
            SECRET_KEY = "not-secret"
            INSTALLED_APPS = ["django.contrib.contenttypes", "polls"]
            DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}}
            USE_TZ = True
        """,
        "polls/__init__.py": "",
        "polls/models.py": """
            from django.db import models


            class Question(models.Model):
                text = models.CharField(max_length=200)

                def shout(self):
                    return self.text.upper()
        """,
    })

    reply = with_conftest(root, {f"{FOLDER}/test_question.py": """
        from polls.models import Question


        def test_shout():
            assert Question(text="why").shout() == "WHY"
    """})

    conftest = reply["conftest"]
    assert conftest["framework"] == "django" and conftest["requires"] == ["django"]
    assert 'os.environ.setdefault("DJANGO_SETTINGS_MODULE", "site_conf.settings")' in conftest["source"]
    assert "django.setup()" in conftest["source"]
    assert reply["status"] == "passed", (reply["tests"], reply["collection_errors"])


FASTAPI = {
    "api/__init__.py": "",
    "api/main.py": """
        from fastapi import FastAPI

        app = FastAPI()


        @app.get("/items/{item_id}")
        def item(item_id: int):
            return {"id": item_id}
    """,
}


def test_fastapi_gets_a_test_client_fixture(tmp_path: Path) -> None:
    conftest = survey(write_files(tmp_path, FASTAPI))["conftest"]

    assert conftest["framework"] == "fastapi"
    assert conftest["fixtures"] == ["client"] and conftest["requires"] == ["fastapi"]
    source = conftest["source"]
    compile(source, "conftest.py", "exec")
    assert "from fastapi.testclient import TestClient" in source
    assert "from api.main import app" in source
    assert "with TestClient(app) as test_client:" in source
    assert "yield test_client" in source


def test_fastapi_missing_here_shows_in_measure_as_the_missing_import_the_conftest_requires(tmp_path: Path) -> None:
    root = write_files(tmp_path, FASTAPI)

    missing = measure(root, [], ["api/__init__.py", "api/main.py"])["missing_imports"]

    assert missing == [{"name": "fastapi", "modules": ["api/main.py"]}]


def test_no_conftest_for_plain_python_or_over_the_repositorys_own(tmp_path: Path) -> None:
    plain = survey(write_files(tmp_path / "plain", {"calc.py": "x = 1\n"}))["conftest"]
    own = survey(write_files(tmp_path / "own", FASTAPI | {f"{FOLDER}/conftest.py": "# mine\n"}))["conftest"]
    provided = survey(write_files(tmp_path / "provided", FASTAPI | {"conftest.py": """
        import pytest


        @pytest.fixture
        def client():
            return None
    """}))["conftest"]

    assert plain["source"] is None and plain["reason"].startswith("plain Python")
    assert own["source"] is None and "never replaced" in own["reason"]
    assert provided["source"] is None and "conftest.py already defines the fixtures (client)" in provided["reason"]


def test_measure_names_a_conftest_that_does_not_import(tmp_path: Path) -> None:
    root = write_files(tmp_path, {
        "calc.py": "x = 1\n",
        "tests/test_calc.py": "def test_calc():\n    assert True\n",
        f"{FOLDER}/conftest.py": "import nosuchdep\n",
        f"{FOLDER}/test_more.py": "def test_more():\n    assert True\n",
    })

    reply = measure(root, ["tests/test_calc.py", f"{FOLDER}/test_more.py"], ["calc.py"])

    assert reply["status"] == "failed" and reply["totals"]["tests"] == 0
    assert reply["conftest_errors"] == [{"path": f"{FOLDER}/conftest.py", "error_type": "ModuleNotFoundError",
                                         "message": "No module named 'nosuchdep'"}]
