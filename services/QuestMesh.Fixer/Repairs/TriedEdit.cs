namespace QuestMesh.Fixer.Repairs;

/// <summary>An edit already tried for a failure: the same op is not planned again for the same failure at the same place.</summary>
public sealed record TriedEdit(string Op, string Category, int? LineInTest);
