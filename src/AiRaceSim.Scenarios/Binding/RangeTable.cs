using AiRaceSim.Scenarios.Documents;

namespace AiRaceSim.Scenarios.Binding;

/// <summary>
/// Every number a scenario can hold that has a range of its own, with that range, read from the
/// document types (the binder checks the same attributes): docs/SCENARIOS.md's table of valid
/// ranges is this list, and a test keeps them equal.
/// </summary>
internal static class RangeTable
{
    /// <summary>Markdown rows <c>| `path` | range |</c>, in document order.</summary>
    public static IReadOnlyList<string> Rows()
    {
        var rows = new List<string>();
        Walk(typeof(ScenarioDocument), "", rows, []);
        foreach (var (family, type) in DistributionDocument.Families) Walk(type, $"{{dist: {family}}}.", rows, []);
        return rows;
    }

    private static void Walk(Type type, string prefix, List<string> rows, HashSet<Type> seen)
    {
        if (!seen.Add(type)) return;
        foreach (var p in DocumentModel.Properties(type))
        {
            string path = prefix + p.Key;
            if (p.Range is { } r) rows.Add($"| `{path}` | {r.Text} |");
            var t = Nullable.GetUnderlyingType(p.Type) ?? p.Type;
            if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(List<>)) Walk(t.GetGenericArguments()[0], path + "[].", rows, seen);
            else if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(OrderedDictionary<,>)) Walk(t.GetGenericArguments()[1], path + ".<id>.", rows, seen);
            else if (t.Namespace == typeof(ScenarioDocument).Namespace && t.IsClass) Walk(t, path + ".", rows, seen);
        }
        seen.Remove(type);
    }
}
