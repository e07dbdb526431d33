namespace QuestMesh.Python.Harness;

/// <summary>
/// One <c>patch</c> request besides the module's text (PROTOCOL.md): an op and the fields it takes.
/// By name: replace, insert, delete, transplant (from <see cref="FromSource"/>), mark_django_db. By line of a test
/// function: replace_expected, approx_expected, expect_raises, replace_raises. Module level: add_import,
/// import_from_target, import_module, fix_import (these two read the project's files, never import them),
/// configure_django.
/// </summary>
public sealed record PatchEdit(string Op)
{
    public string? Name { get; init; }
    public string? Code { get; init; }
    public int? Line { get; init; }
    public string? Value { get; init; }
    public string? Exception { get; init; }
    public string? ExceptionModule { get; init; }
    public string? ProjectDir { get; init; }
    public string? TargetFile { get; init; }
    public string? TestFile { get; init; }
    public string? MissingModule { get; init; }
    public string? MissingName { get; init; }
    public string? ImportedFrom { get; init; }

    /// <summary>For transplant: the other version of the module the definition comes from.</summary>
    public string? FromSource { get; init; }

    /// <summary>Edits by line are made on the suite the failure was seen in, then carried over by <c>transplant</c>.</summary>
    public bool ByLine => Line is not null;
}
