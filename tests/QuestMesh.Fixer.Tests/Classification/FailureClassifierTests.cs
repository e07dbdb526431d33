using QuestMesh.Contracts;
using QuestMesh.Fixer.Classification;

namespace QuestMesh.Fixer.Tests.Classification;

public class FailureClassifierTests
{
    private readonly FailureClassifier _classifier = new();

    [Theory]
    [InlineData("int-mismatch", FailureCategories.AssertionMismatch, FailureOrigin.Test, 5)]
    [InlineData("str-mismatch", FailureCategories.AssertionMismatch, FailureOrigin.Test, 8)]
    [InlineData("dict-mismatch", FailureCategories.AssertionMismatch, FailureOrigin.Test, 11)]
    [InlineData("float-mismatch", FailureCategories.AssertionMismatch, FailureOrigin.Test, 29)]
    [InlineData("float-close", FailureCategories.FloatMismatch, FailureOrigin.Test, 35)]
    [InlineData("unittest-mismatch", FailureCategories.AssertionMismatch, FailureOrigin.Test, 9)]
    [InlineData("greater", FailureCategories.AssertionFailed, FailureOrigin.Test, 40)]
    [InlineData("zero-division", FailureCategories.TargetBug, FailureOrigin.CodeUnderTest, 14)]
    [InlineData("type-error-hinted", FailureCategories.TargetBug, FailureOrigin.CodeUnderTest, 27)]
    [InlineData("custom-exception", FailureCategories.ExceptionRaised, FailureOrigin.CodeUnderTest, 12)]
    [InlineData("value-error-python", FailureCategories.ExceptionRaised, FailureOrigin.CodeUnderTest, 29)]
    [InlineData("type-error-inside", FailureCategories.TypeError, FailureOrigin.CodeUnderTest, 26)]
    [InlineData("misuse", FailureCategories.Misuse, FailureOrigin.CodeUnderTest, 28)]
    [InlineData("type-error-call", FailureCategories.CallMismatch, FailureOrigin.Test, 30)]
    [InlineData("unexpected-keyword", FailureCategories.CallMismatch, FailureOrigin.Test, 32)]
    [InlineData("name-error", FailureCategories.NameError, FailureOrigin.Test, 17)]
    [InlineData("attribute-error", FailureCategories.AttributeError, FailureOrigin.Test, 20)]
    [InlineData("key-error-in-test", FailureCategories.LookupError, FailureOrigin.Test, 50)]
    [InlineData("library-from-test", FailureCategories.TestError, FailureOrigin.Test, 52)]
    [InlineData("object-mismatch", FailureCategories.AssertionMismatch, FailureOrigin.Test, 12)]
    [InlineData("fixture-missing", FailureCategories.FixtureMissing, FailureOrigin.Unknown, null)]
    [InlineData("fixture-error", FailureCategories.FixtureError, FailureOrigin.Test, 9)]
    [InlineData("did-not-raise", FailureCategories.DidNotRaise, FailureOrigin.Test, 44)]
    [InlineData("wrong-exception", FailureCategories.WrongException, FailureOrigin.CodeUnderTest, 31)]
    [InlineData("wrong-exception-python", FailureCategories.WrongException, FailureOrigin.CodeUnderTest, 33)]
    [InlineData("django-settings", FailureCategories.DjangoSettings, FailureOrigin.CodeUnderTest, 37)]
    [InlineData("database-blocked", FailureCategories.DatabaseBlocked, FailureOrigin.Test, 39)]
    [InlineData("import-cycle", FailureCategories.ImportCycle, FailureOrigin.CodeUnderTest, 41)]
    [InlineData("recursion", FailureCategories.Recursion, FailureOrigin.CodeUnderTest, 43)]
    [InlineData("file-missing", FailureCategories.FileError, FailureOrigin.Test, 45)]
    [InlineData("unicode-in-test", FailureCategories.UnicodeError, FailureOrigin.Test, 47)]
    [InlineData("timeout", FailureCategories.Timeout, FailureOrigin.Unknown, null)]
    public void Classify_sorts_structured_failures(string key, string category, FailureOrigin origin, int? line)
    {
        var failure = _classifier.Classify(RealFailures.Outcome(key), RealFailures.SuiteFile);

        failure.Category.ShouldBe(category);
        failure.Origin.ShouldBe(origin);
        failure.SuiteLine.ShouldBe(line);
        failure.TestId.ShouldBe("tests/test_ops.py::test_x");
        failure.PatchName.ShouldBe("test_x");
    }

    [Theory]
    [InlineData("int-mismatch", "3", "4", "pytest")]
    [InlineData("str-mismatch", "'ab'", "'ab '", "pytest")]
    [InlineData("dict-mismatch", "{'n': 3}", "{'n': 4}", "pytest")]
    [InlineData("unittest-mismatch", "3", "4", "unittest")]
    public void Classify_keeps_the_compared_values(string key, string left, string right, string style)
    {
        var failure = _classifier.Classify(RealFailures.Outcome(key), RealFailures.SuiteFile);

        failure.Assertion.ShouldNotBeNull();
        (failure.Assertion.Left, failure.Assertion.Right, failure.Assertion.Style).ShouldBe((left, right, style));
    }

    [Theory]
    [InlineData("zero-division", FailureKinds.CodeBug)]
    [InlineData("zero-division-unhinted", FailureKinds.TestMistake)]  // no hints promise a result: dividing by a given zero is no bug
    [InlineData("type-error-hinted", FailureKinds.CodeBug)]
    [InlineData("type-error-inside", FailureKinds.TestMistake)]
    [InlineData("misuse", FailureKinds.TestMistake)]
    [InlineData("custom-exception", FailureKinds.TestMistake)]
    [InlineData("value-error-python", FailureKinds.TestMistake)]
    [InlineData("wrong-exception-python", FailureKinds.TestMistake)]
    [InlineData("recursion", FailureKinds.TestMistake)]
    [InlineData("int-mismatch", FailureKinds.TestMistake)]
    public void Only_python_raising_inside_the_target_for_a_valid_call_is_a_code_bug(string key, string kind)
    {
        _classifier.Classify(RealFailures.Outcome(key), RealFailures.SuiteFile).Kind.ShouldBe(kind);
    }

    [Fact]
    public void A_code_bug_in_a_fixture_or_at_import_is_not_a_test_to_report()
    {
        var setup = RealFailures.Outcome("zero-division") with { Failure = RealFailures.Outcome("zero-division").Failure! with { Phase = "setup" } };

        _classifier.Classify(setup, RealFailures.SuiteFile).Kind.ShouldBe(FailureKinds.TestMistake);
    }

    [Fact]
    public void Classify_keeps_the_qualified_exception_type_and_its_module()
    {
        var failure = _classifier.Classify(RealFailures.Outcome("custom-exception"), RealFailures.SuiteFile);

        (failure.ErrorType, failure.ExceptionType, failure.ExceptionModule).ShouldBe(("InvalidAmount", "calc.ops.InvalidAmount", "calc.ops"));
    }

    [Fact]
    public void Classify_without_structured_data_goes_by_the_type_name()
    {
        var outcome = new TestOutcome { Id = "tests/test_ops.py::test_x", Name = "test_x", Outcome = "failed", ErrorType = "ValueError", Message = "bad" };

        var failure = _classifier.Classify(outcome, RealFailures.SuiteFile);

        (failure.Category, failure.Origin, failure.Summary).ShouldBe((FailureCategories.ExceptionRaised, FailureOrigin.Unknown, "ValueError: bad"));
    }

    [Theory]
    [InlineData("name-error", "foo")]
    [InlineData("fixture-missing", "tmp_thing")]
    public void Classify_names_what_is_missing(string key, string name)
    {
        _classifier.Classify(RealFailures.Outcome(key), RealFailures.SuiteFile).MissingName.ShouldBe(name);
    }

    [Fact]
    public void Classify_summarises_with_the_exception_type()
    {
        _classifier.Classify(RealFailures.Outcome("zero-division"), RealFailures.SuiteFile).Summary.ShouldBe("ZeroDivisionError: division by zero");
        _classifier.Classify(RealFailures.Outcome("int-mismatch"), RealFailures.SuiteFile).Summary.ShouldBe("AssertionError: assert 3 == 4");
    }

    [Theory]
    [InlineData("tests/test_ops.py::TestCalc::test_add", "TestCalc.test_add")]
    [InlineData("tests/test_ops.py::test_add[1-2]", "test_add")]
    [InlineData("tests/test_ops.py::test_add", "test_add")]
    public void Classify_maps_ids_to_patch_names(string id, string patchName)
    {
        var outcome = RealFailures.Outcome("int-mismatch") with { Id = id };

        _classifier.Classify(outcome, RealFailures.SuiteFile).PatchName.ShouldBe(patchName);
    }

    public static TheoryData<ExecutionReport, string, string, int?> CollectionErrors() => new()
    {
        { RealFailures.ImportCollectionError, FailureCategories.ModuleNotFound, "ModuleNotFoundError: No module named 'ops'", 1 },
        { RealFailures.CannotImportCollectionError, FailureCategories.CannotImportName, "ImportError: cannot import name 'mul' from 'calc.ops' (/tmp/fx/src/calc/ops.py)", 2 },
        { RealFailures.SyntaxCollectionError, FailureCategories.SyntaxError, "SyntaxError: invalid syntax (test_imp.py, line 3)", 3 },
        { new ExecutionReport { Status = "error", TestError = "no tests were collected" }, FailureCategories.NoTests, "no tests were collected", null },
        { new ExecutionReport { Status = "timeout", TestError = "the run reached its time limit" }, FailureCategories.Timeout, "the run reached its time limit", null },
    };

    [Theory]
    [MemberData(nameof(CollectionErrors))]
    public void ClassifyCollection_reads_structured_collection_failures(ExecutionReport report, string category, string summary, int? line)
    {
        var failure = _classifier.ClassifyCollection(report, "tests/test_imp.py");

        failure.Category.ShouldBe(category);
        failure.Summary.ShouldBe(summary);
        failure.SuiteLine.ShouldBe(line);
        failure.IsCollectionError.ShouldBeTrue();
        failure.TestId.ShouldBe("tests/test_imp.py");
    }

    [Fact]
    public void ClassifyCollection_extracts_the_missing_module_and_name()
    {
        _classifier.ClassifyCollection(RealFailures.ImportCollectionError, "tests/test_imp.py").MissingModule.ShouldBe("ops");
        var cannot = _classifier.ClassifyCollection(RealFailures.CannotImportCollectionError, "tests/test_imp.py");
        cannot.MissingName.ShouldBe("mul");
        cannot.ImportedFrom.ShouldBe("calc.ops");
    }

    [Fact]
    public void ClassifyAll_lists_each_failing_test_once_and_adds_a_collection_error_only_without_tests()
    {
        var report = new ExecutionReport
        {
            Status = "failed",
            Tests =
            [
                RealFailures.Outcome("int-mismatch", "test_a"),
                RealFailures.Outcome("int-mismatch", "test_a"),
                RealFailures.Outcome("int-mismatch", "test_b", "passed"),
                RealFailures.Outcome("fixture-missing", "test_c", "error"),
            ],
        };

        _classifier.ClassifyAll(report, RealFailures.SuiteFile).Select(f => f.PatchName).ShouldBe(["test_a", "test_c"]);
        _classifier.ClassifyAll(RealFailures.ImportCollectionError, "tests/test_imp.py")
            .ShouldHaveSingleItem().Category.ShouldBe(FailureCategories.ModuleNotFound);
    }
}
