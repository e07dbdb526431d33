import textwrap

import pytest

from questmesh_harness import answer
from questmesh_harness.errors import HarnessError


def reply(text, style="pytest"):
    return answer.run({"text": text, "style": style})


def test_code_is_taken_from_the_python_fence_and_the_prose_is_left_out():
    text = "Here are the tests:\n\n```python\nfrom shop import price\n\ndef test_price():\n    assert price(1) == 1\n```\n\nThey cover price."
    result = reply(text)
    assert result["problem"] is None
    assert result["fenced"] is True
    assert result["source"] == "from shop import price\n\ndef test_price():\n    assert price(1) == 1\n"
    assert result["test_count"] == 1


def test_several_python_fences_are_joined_and_other_languages_ignored():
    text = "```bash\npip install x\n```\n```py\nimport shop\n```\ntext\n```python\ndef test_a():\n    assert shop\n```\n"
    result = reply(text)
    assert result["source"] == "import shop\n\ndef test_a():\n    assert shop\n"


def test_raw_code_without_fences_is_used_as_it_is():
    result = reply("def test_a():\n    assert 1 + 1 == 2\n")
    assert result["fenced"] is False
    assert result["source"] == "def test_a():\n    assert 1 + 1 == 2\n"


def test_the_main_guard_is_removed():
    code = textwrap.dedent('''\
        import unittest

        class TestA(unittest.TestCase):
            def test_a(self):
                self.assertTrue(True)

        if __name__ == "__main__":
            unittest.main()
        ''')
    result = reply(code, "unittest")
    assert "__main__" not in result["source"]
    assert result["removed"] == ['if __name__ == "__main__" block']
    assert result["test_count"] == 1


def test_an_unused_pytest_import_is_removed_in_unittest_mode_only():
    code = "import pytest\nimport unittest\n\nclass TestA(unittest.TestCase):\n    def test_a(self):\n        self.assertEqual(1, 1)\n"
    assert "import pytest" not in reply(code, "unittest")["source"]
    assert "import pytest" not in reply(code, "django")["source"]
    assert "import pytest" in reply(code, "pytest")["source"]


def test_a_pytest_import_that_is_used_is_kept():
    code = "from pytest import raises\n\ndef test_a():\n    with raises(ValueError):\n        int('x')\n"
    assert reply(code, "unittest")["source"].startswith("from pytest import raises")


@pytest.mark.parametrize("text, kind", [
    ("I cannot help with that.", "syntax_error"),
    ("```python\n\n```", "no_code"),
    ("```python\ndef helper():\n    return 1\n```", "no_tests"),
    ("```python\ndef test_a(:\n    pass\n```", "syntax_error"),
])
def test_an_unusable_reply_says_why(text, kind):
    result = reply(text)
    assert result["source"] is None
    assert result["problem"]["kind"] == kind
    assert result["problem"]["message"]


def test_bad_requests_are_refused():
    with pytest.raises(HarnessError):
        answer.run({"style": "pytest"})
    with pytest.raises(HarnessError):
        answer.run({"text": "x", "style": "nose"})
