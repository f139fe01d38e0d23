using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AiRaceSim.Scenarios.Binding;

/// <summary>
/// A key of a document type: the member the source map files it under, its YAML name, its value
/// type, whether it is required, its range, its attributes (description, range) and how to store it.
/// </summary>
internal sealed record DocumentProperty(
    string Member, string Key, Type Type, bool Required, InRangeAttribute? Range, ICustomAttributeProvider Attributes,
    Action<object, object> Set);

/// <summary>
/// The keys of the document types, named exactly as System.Text.Json names them for the schema
/// (snake_case, or <see cref="JsonPropertyNameAttribute"/>): one source of truth for both. A
/// <see cref="ITableDocument"/> takes its keys from a table instead of C# properties.
/// </summary>
internal static class DocumentModel
{
    public static readonly JsonNamingPolicy Naming = JsonNamingPolicy.SnakeCaseLower;

    private static readonly ConcurrentDictionary<Type, IReadOnlyList<DocumentProperty>> Cache = new();

    public static IReadOnlyList<DocumentProperty> Properties(Type type) => Cache.GetOrAdd(type, t =>
        typeof(ITableDocument).IsAssignableFrom(t) ? ((ITableDocument)Activator.CreateInstance(t, nonPublic: true)!).Keys
        : t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite && p.GetCustomAttribute<JsonIgnoreAttribute>() is null)
            .Select(p => new DocumentProperty(
                p.Name,
                p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? Naming.ConvertName(p.Name),
                p.PropertyType,
                p.IsDefined(typeof(RequiredMemberAttribute), inherit: true),
                p.GetCustomAttribute<InRangeAttribute>(),
                p,
                p.SetValue))
            .ToList());

    private static readonly ConcurrentDictionary<Type, KeyChoiceAttribute[]> ChoiceCache = new();
    private static readonly ConcurrentDictionary<Type, EntityAttribute?> EntityCache = new();

    /// <summary>The type's key choices (attribute lookups are slow and a design binds a scenario per point: kept per type).</summary>
    public static KeyChoiceAttribute[] Choices(Type type) => ChoiceCache.GetOrAdd(type, t => t.GetCustomAttributes<KeyChoiceAttribute>(inherit: true).ToArray());

    /// <summary>The type's entity naming, if any (kept per type, as <see cref="Choices"/>).</summary>
    public static EntityAttribute? Entity(Type type) => EntityCache.GetOrAdd(type, t => t.GetCustomAttribute<EntityAttribute>());

    public static string Key(Type type, string member) =>
        Properties(type).FirstOrDefault(p => p.Member == member)?.Key
        ?? throw new ArgumentException($"{type.Name} has no document property {member}");

    public static string EnumName(Enum value) => Naming.ConvertName(value.ToString());
}
