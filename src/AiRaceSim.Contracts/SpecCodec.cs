using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using AiRaceSim.Model.Parameters;
using AiRaceSim.Model.Policy;
using AiRaceSim.Model.Random;

namespace AiRaceSim.Contracts;

/// <summary>
/// The resolved scenario (<see cref="WorldSpec"/>) as JSON: how it travels to grains (every grain
/// rebuilds the same spec from the same bytes) and how a manifest records it. Abstract kernel
/// types carry a "$type" discriminator; computed properties are left out.
/// </summary>
public static class SpecCodec
{
    private static readonly (Type Base, (Type Type, string Name)[] Derived)[] Polymorphic =
    [
        (typeof(Distribution), [(typeof(Fixed), "fixed"), (typeof(NormalDist), "normal"), (typeof(LogNormalDist), "lognormal"),
            (typeof(BetaDist), "beta"), (typeof(UniformDist), "uniform"), (typeof(TriangularDist), "triangular"),
            (typeof(DiscreteDist), "discrete"), (typeof(PoissonDist), "poisson"), (typeof(NegativeBinomialDist), "negbinomial")]),
        // Action type names are the scenario keys, from the one list of actions.
        (typeof(CountryAction), Actions(onFirm: false)),
        (typeof(FirmAction), Actions(onFirm: true)),
        (typeof(EntryCapability), [(typeof(FrontierAt), "frontier_at"), (typeof(CapabilityLevel), "capability")]),
    ];

    private static (Type, string)[] Actions(bool onFirm) =>
        ActionCatalog.All.Where(a => a.OnFirm == onFirm).Select(a => (a.Kernel, a.Key)).ToArray();

    public static readonly JsonSerializerOptions Options = new()
    {
        IncludeFields = true,
        WriteIndented = false,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { Configure } },
        Converters = { new GlobalParametersConverter() },
    };

    public static byte[] Serialize(WorldSpec spec) => JsonSerializer.SerializeToUtf8Bytes(spec, Options);

    public static string ToJson(WorldSpec spec, bool indented = false) =>
        JsonSerializer.Serialize(spec, new JsonSerializerOptions(Options) { WriteIndented = indented });

    public static WorldSpec Deserialize(ReadOnlySpan<byte> json) =>
        JsonSerializer.Deserialize<WorldSpec>(json, Options) ?? throw new JsonException("empty scenario");

    private static void Configure(JsonTypeInfo info)
    {
        if (info.Kind == JsonTypeInfoKind.Object)
        {
            // Computed properties (Central, Months, Key, Action) have no setter: leave them out.
            for (int i = info.Properties.Count - 1; i >= 0; i--)
                if (info.Properties[i].Set is null && info.Properties[i].AssociatedParameter is null) info.Properties.RemoveAt(i);
        }
        foreach (var (baseType, derived) in Polymorphic)
        {
            if (info.Type != baseType) continue;
            info.PolymorphismOptions = new JsonPolymorphismOptions { UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization };
            foreach (var (type, name) in derived) info.PolymorphismOptions.DerivedTypes.Add(new JsonDerivedType(type, name));
        }
    }
}
