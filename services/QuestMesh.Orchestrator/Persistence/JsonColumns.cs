using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace QuestMesh.Orchestrator.Persistence;

/// <summary>
/// A property stored as one <c>jsonb</c> column. Compared by its JSON, so changes made in place (an item
/// added to a list) are saved too.
/// </summary>
public static class JsonColumns
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static PropertyBuilder<T> AsJsonColumn<T>(this PropertyBuilder<T> property) =>
        property.AsJson(new ValueComparer<T>(
            (a, b) => Serialize(a) == Serialize(b),
            value => Serialize(value).GetHashCode(),
            value => Deserialize<T>(Serialize(value))));

    /// <summary>
    /// A value that is replaced, never changed in place (a record of scalars, or one set once and kept):
    /// compared with <c>Equals</c> and kept as itself for change tracking, which spares the serialising
    /// of <see cref="AsJsonColumn{T}"/> on every load and save.
    /// </summary>
    public static PropertyBuilder<T> AsJsonValueColumn<T>(this PropertyBuilder<T> property) where T : class? =>
        property.AsJson(new ValueComparer<T>(
            (a, b) => Equals(a, b),
            value => value == null ? 0 : value.GetHashCode(),
            value => value));

    private static PropertyBuilder<T> AsJson<T>(this PropertyBuilder<T> property, ValueComparer<T> comparer) =>
        property
            .HasConversion(value => Serialize(value), json => Deserialize<T>(json), comparer)
            .HasColumnType("jsonb");

    private static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    private static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException($"A {typeof(T).Name} column holds null.");
}
