using QuestMesh.Contracts;

namespace QuestMesh.Fixer.Classification;

/// <summary>Maps a test's id to the name the harness <c>patch</c> command takes.</summary>
public static class TestNames
{
    /// <summary>
    /// <c>tests/test_x.py::TestX::test_y[1-2]</c> → <c>TestX.test_y</c>: the file part goes, parameters go
    /// (patching touches the one function behind all its parametrized cases).
    /// </summary>
    public static string PatchName(TestOutcome test)
    {
        var parts = test.Id.Split("::");
        var name = parts.Length > 1 ? string.Join('.', parts[1..]) : test.Name.Replace("::", ".");
        var bracket = name.IndexOf('[');
        return bracket > 0 ? name[..bracket] : name;
    }
}
