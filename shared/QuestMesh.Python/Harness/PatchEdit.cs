namespace QuestMesh.Python.Harness;

/// <summary>
/// One <c>patch</c> request besides the module's text (PROTOCOL.md): an op and the fields it takes.
/// By name: replace, insert, delete. By line of a test function: replace_expected, expect_raises.
/// Imports: add_import, import_from_target, fix_import (these two read the project's files, never import them).
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
}
