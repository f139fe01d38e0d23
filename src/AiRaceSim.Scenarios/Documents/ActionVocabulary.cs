using AiRaceSim.Model.Policy;
using AiRaceSim.Scenarios.Binding;

namespace AiRaceSim.Scenarios.Documents;

/// <summary>
/// The document of each action of the kernel's <see cref="ActionCatalog"/>: the map under key
/// <c>k</c> is the class named for it (<c>domestic_chips</c> → <c>DomesticChipsAction</c>), so
/// key, document and (with two older exceptions) kernel type share one name.
/// </summary>
internal static class ActionVocabulary
{
    private static readonly Dictionary<Type, ActionKind> ByDocument = ActionCatalog.All.ToDictionary(
        a => typeof(ActionVocabulary).Assembly.GetType($"{typeof(ActionVocabulary).Namespace}.{DocumentName(a.Key)}")
            ?? throw new InvalidOperationException($"no document type {DocumentName(a.Key)} for action '{a.Key}'"));

    /// <summary>"domestic_chips" → "DomesticChipsAction".</summary>
    public static string DocumentName(string key) =>
        string.Concat(key.Split('_').Select(w => char.ToUpperInvariant(w[0]) + w[1..])) + "Action";

    /// <summary>The action a document type describes, or null when it is not an action.</summary>
    public static ActionKind? Of(Type documentType) => ByDocument.GetValueOrDefault(documentType);

    /// <summary>A document's keys that hold actions, in catalog order.</summary>
    public static IEnumerable<DocumentProperty> Keys(Type holder) => DocumentModel.Properties(holder)
        .Select(p => (p, kind: Of(Nullable.GetUnderlyingType(p.Type) ?? p.Type)))
        .Where(x => x.kind is not null)
        .OrderBy(x => ActionCatalog.All.ToList().IndexOf(x.kind!))
        .Select(x => x.p);
}
