using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AiRaceSim.Scenarios.Binding;

/// <summary>A key of a document type: its property, YAML name, whether it is required, its range.</summary>
internal sealed record DocumentProperty(PropertyInfo Info, string Key, bool Required, InRangeAttribute? Range);

/// <summary>
/// The keys of the document types, named exactly as System.Text.Json names them for the schema
/// (snake_case, or <see cref="JsonPropertyNameAttribute"/>): one source of truth for both.
/// </summary>
internal static class DocumentModel
{
    public static readonly JsonNamingPolicy Naming = JsonNamingPolicy.SnakeCaseLower;

    private static readonly ConcurrentDictionary<Type, IReadOnlyList<DocumentProperty>> Cache = new();

    public static IReadOnlyList<DocumentProperty> Properties(Type type) => Cache.GetOrAdd(type, t =>
        t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite && p.GetCustomAttribute<JsonIgnoreAttribute>() is null)
            .Select(p => new DocumentProperty(
                p,
                p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? Naming.ConvertName(p.Name),
                p.IsDefined(typeof(RequiredMemberAttribute), inherit: true),
                p.GetCustomAttribute<InRangeAttribute>()))
            .ToList());

    public static string Key(Type type, string member) =>
        Properties(type).FirstOrDefault(p => p.Info.Name == member)?.Key
        ?? throw new ArgumentException($"{type.Name} has no document property {member}");

    public static string EnumName(Enum value) => Naming.ConvertName(value.ToString());
}
