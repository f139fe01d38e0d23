using System.Globalization;
using System.Text.RegularExpressions;
using AiRaceSim.Experiments.Designs;
using AiRaceSim.Model.Random;
using AiRaceSim.Model.Series;
using AiRaceSim.Model.Time;
using AiRaceSim.Scenarios.Binding;
using AiRaceSim.Scenarios.Building;

namespace AiRaceSim.Scenarios.Experiments;

/// <summary>The checks of an experiment file's parts, each error at the node it concerns.</summary>
internal static partial class ExperimentChecks
{
    public static List<ExperimentFactor> Factors(List<FactorDocument> docs, ScenarioTemplate template, BuildContext c)
    {
        var factors = new List<ExperimentFactor>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        if (docs.Count == 0) c.Error(c.Map.Node(docs), "an experiment needs at least one factor; list a path to vary");
        foreach (var f in docs)
        {
            if (c.Map.IsBroken(f)) continue;
            if (!seen.Add(f.Path)) { c.Error(f, nameof(f.Path), $"factor '{f.Path}' is listed twice; list each path once"); continue; }
            if (docs.FirstOrDefault(g => g != f && (g.Path.StartsWith(f.Path + ".", StringComparison.Ordinal) || f.Path.StartsWith(g.Path + ".", StringComparison.Ordinal))) is { } nested)
            { c.Error(f, nameof(f.Path), $"factors '{f.Path}' and '{nested.Path}' overlap (one holds the other); vary one of them"); continue; }
            if (template.PathProblem(f.Path) is { } problem) { c.Error(f, nameof(f.Path), problem); continue; }
            var scale = Scale(f, template, c);
            if (scale is null) continue;
            if (Refused(f.Path, scale, template) is { } refusal) { c.Error(c.Map.Node(f), refusal); continue; }
            factors.Add(new ExperimentFactor(f.Path, scale));
        }
        return factors;
    }

    private static FactorScale? Scale(FactorDocument f, ScenarioTemplate template, BuildContext c)
    {
        if (f.Range is not null && f.Levels is not null)
        {
            c.Error(c.Map.Node(f), $"factor '{f.Path}' gives both range and levels; give one of them");
            return null;
        }
        if (f.Range is { } r)
        {
            if (r.Count != 2 || !(r[0] < r[1]))
            {
                c.Error(f, nameof(f.Range), $"range of '{f.Path}' must be [low, high] with low < high, got [{string.Join(", ", r.Select(Scalars.Format))}]");
                return null;
            }
            return new RangeScale(r[0], r[1]);
        }
        if (f.Levels is { } l)
        {
            if (l.Count == 0) { c.Error(f, nameof(f.Levels), $"levels of '{f.Path}' is empty; list the values the factor takes"); return null; }
            return new LevelScale(l);
        }
        var d = template.DistributionAt(f.Path);
        if (d is null or Fixed)
        {
            c.Error(c.Map.Node(f), $"factor '{f.Path}' gives neither range nor levels, and the scenario sets it to the number {Scalars.Format(d?.Central ?? double.NaN)}, not a distribution; give range: [low, high] or levels: [...]");
            return null;
        }
        return new QuantileScale($"the scenario's distribution ({d})", d.InverseCdf);
    }

    /// <summary>The first value at the factor's extremes that the scenario refuses, as a message; null if none.</summary>
    private static string? Refused(string path, FactorScale scale, ScenarioTemplate template)
    {
        // The extremes, and a point inside that no grid hits (a whole-number field refuses it, as a design would find out mid-run).
        var extremes = scale is LevelScale l ? l.Levels.Distinct().ToList() : [scale.ValueAt(0), scale.ValueAt(1), scale.ValueAt(1 / Math.PI)];
        foreach (var v in extremes)
        {
            try { template.With([(path, v)]); }
            catch (ScenarioException e)
            {
                return $"factor '{path}' at {Scalars.Format(v)}: the scenario refuses it ({e.Errors[0].Message}); narrow the factor's range or levels";
            }
        }
        return null;
    }

    public static ExperimentDesign? Design(DesignDocument d, int factors, BuildContext c)
    {
        var kinds = new Dictionary<string, DesignKind> { ["factorial"] = DesignKind.Factorial, ["lhs"] = DesignKind.Lhs, ["sobol"] = DesignKind.Sobol, ["morris"] = DesignKind.Morris };
        if (!kinds.TryGetValue(d.Kind, out var kind))
        {
            c.Error(d, nameof(d.Kind), $"unknown design kind '{Excerpt.Of(d.Kind)}'" + Suggestions.Hint(d.Kind, kinds.Keys, "use one of"));
            return null;
        }
        void Unused(string member, object? value)
        {
            if (value is not null) c.Error(d, member, $"design kind {d.Kind} does not use {DocumentModel.Key(typeof(DesignDocument), member)}; remove it");
        }
        if (kind is DesignKind.Lhs or DesignKind.Sobol && d.N is null)
            c.Error(c.Map.Node(d), $"design kind {d.Kind} needs n, the number of {(kind == DesignKind.Lhs ? "points" : "base points (a power of two, such as 512)")}");
        if (kind is DesignKind.Factorial or DesignKind.Morris) Unused(nameof(d.N), d.N);
        if (kind != DesignKind.Sobol) Unused(nameof(d.SecondOrder), d.SecondOrder);
        if (kind != DesignKind.Morris) Unused(nameof(d.Trajectories), d.Trajectories);
        if (kind is DesignKind.Lhs or DesignKind.Sobol) Unused(nameof(d.Levels), d.Levels);
        if (kind == DesignKind.Sobol && factors > SaltelliDesign.MaxFactors)
            c.Error(c.Map.Node(d), $"a sobol design takes at most {SaltelliDesign.MaxFactors} factors (the Sobol sequence here has {SobolSequence.MaxDimensions} dimensions), and the experiment has {factors}; screen them with a morris design first");
        if (kind == DesignKind.Morris && d.Levels is { } p && p % 2 != 0)
        {
            c.Error(d, nameof(d.Levels), $"a morris grid needs an even number of levels (4 is usual), got {p}");
            return null;
        }
        return new ExperimentDesign(kind, d.N ?? 0, d.SecondOrder ?? false, d.Trajectories ?? 20, d.Levels ?? (kind == DesignKind.Morris ? 4 : 3));
    }

    public static IndicesAnalysis? Indices(IndicesDocument? a, string name, ExperimentDesign? design, DesignKind needs, IReadOnlyList<Outcome> outcomes,
        ExperimentDocument doc, BuildContext c)
    {
        if (a is null) return null;
        if (design is not null && design.Kind != needs)
            c.Error(c.Map.Node(a), $"the {name} analysis needs design kind {name}, and the design is {design.Kind.ToString().ToLowerInvariant()}; change design.kind or remove analyses.{name}");
        var names = a.Outcomes ?? outcomes.Where(o => !o.IsMonth).Select(o => o.Name).ToList();
        foreach (var n in names) OutcomeNamed(n, outcomes, a, nameof(a.Outcomes), c, monthsAllowed: false);
        if (names.Count == 0) c.Error(c.Map.Node(a), $"the {name} analysis has no outcome to analyse (month outcomes cannot be); list value outcomes");
        return new IndicesAnalysis(names, a.Level ?? 0.95, a.Resamples ?? 1000);
    }

    private static Outcome? OutcomeNamed(string name, IReadOnlyList<Outcome> outcomes, object owner, string member, BuildContext c, bool monthsAllowed)
    {
        var o = outcomes.FirstOrDefault(x => x.Name == name);
        if (o is null)
            c.Error(owner, member, $"unknown outcome '{Excerpt.Of(name)}'" + Suggestions.Hint(name, outcomes.Select(x => x.Name)));
        else if (o.IsMonth && !monthsAllowed)
            c.Error(owner, member, $"outcome '{name}' is a month (or never), which Sobol and Morris cannot analyse; use PRIM with a condition on it, or a value outcome");
        return o;
    }

    [GeneratedRegex(@"^\s*([A-Za-z][A-Za-z0-9_]*)\s*(<=|>=|<|>)\s*(\S+)\s*$")]
    private static partial Regex ConditionPattern();

    public static PrimAnalysis? Prim(PrimDocument? p, IReadOnlyList<Outcome> outcomes, Month start, BuildContext c)
    {
        if (p is null) return null;
        var match = ConditionPattern().Match(p.Condition);
        if (!match.Success)
        {
            c.Error(p, nameof(p.Condition), $"condition '{Excerpt.Of(p.Condition)}' is not '<outcome> <op> <value>' with op one of <, <=, >, >=; e.g. 'gap_2030 < 3'");
            return null;
        }
        var o = OutcomeNamed(match.Groups[1].Value, outcomes, p, nameof(p.Condition), c, monthsAllowed: true);
        if (o is null) return null;
        string value = match.Groups[3].Value;
        double threshold;
        if (o.IsMonth)
        {
            if (!Month.TryParse(value, out var month))
            {
                c.Error(p, nameof(p.Condition), $"outcome '{o.Name}' is a month: compare it with a month yyyy-MM, not '{Excerpt.Of(value)}'");
                return null;
            }
            threshold = month - start;
        }
        else if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out threshold))
        {
            c.Error(p, nameof(p.Condition), $"outcome '{o.Name}' is a number: compare it with a number, not '{Excerpt.Of(value)}'");
            return null;
        }
        return new PrimAnalysis(new PrimCondition(o.Name, match.Groups[2].Value, threshold, p.Condition.Trim()), p.Alpha ?? 0.05, p.MinMass ?? 0.05, p.MinDensity ?? 0.8);
    }

    /// <param name="seed">the experiment's seed (its own or its scenario's): both pair scenarios run on it, whatever their files say.</param>
    public static PairsAnalysis? Pairs(PairsDocument? p, string experimentPath, ExperimentDocument doc, ulong seed, IReadOnlyList<Outcome> outcomes, BuildContext c)
    {
        if (p is null) return null;
        var overrides = new ScenarioOverrides(Members: p.Members ?? doc.Members ?? 1, BlockSize: doc.Block, Seed: seed);
        LoadedScenario? Load(string file, string member)
        {
            string path = Yaml.ScenarioPaths.Extended(experimentPath, file);
            try { return ScenarioLoader.Load(path, overrides); }
            catch (ScenarioException e)
            {
                c.Error(p, member, $"pairs.{member.ToLowerInvariant()}: scenario '{path}' does not load: {e.Errors[0]}" + (e.Errors.Count > 1 ? $" (and {e.Errors.Count - 1} more)" : ""));
                return null;
            }
        }
        var a = Load(p.A, nameof(p.A));
        var b = Load(p.B, nameof(p.B));
        var names = p.Outcomes ?? outcomes.Where(o => !o.IsMonth).Select(o => o.Name).ToList();
        foreach (var n in names) OutcomeNamed(n, outcomes, p, nameof(p.Outcomes), c, monthsAllowed: false);
        if (a is null || b is null) return null;
        foreach (var (s, member) in new[] { (a, nameof(p.A)), (b, nameof(p.B)) })
        {
            var keys = new SeriesCatalog(s.Spec).Keys.ToHashSet();
            foreach (var o in outcomes.Where(o => names.Contains(o.Name)))
            {
                if (!keys.Contains(o.Series))
                    c.Error(p, member, $"scenario '{s.Name}' has no series {o.Series.Entity}/{o.Series.Metric} for outcome '{o.Name}'; compare scenarios of the same countries and firms");
                else if (o.Kind is OutcomeKind.At or OutcomeKind.MaxFrom or OutcomeKind.MinFrom && (o.Month < s.Spec.Start || o.Month > s.Spec.End))
                    c.Error(p, member, $"outcome '{o.Name}' reads {o.Month}, outside scenario '{s.Name}' ({s.Spec.Start}..{s.Spec.End})");
            }
        }
        return new PairsAnalysis(a, b, names, p.Level ?? 0.95);
    }
}
