using System.Diagnostics;
using System.Text;

namespace AiRaceSim.Scenarios.Tests;

/// <summary>
/// Inputs that are not ordinary scenario files, and scenarios larger than any real one: refused
/// with a message naming the file and what it is, in time that grows with the file, not faster.
/// </summary>
public sealed class InputLimitTests : IDisposable
{
    private const string Header = "name: big\nstart: 2020-01\nend: 2030-12\ncountries:\n  US: {}\n  CN: {}\n";
    private readonly string _dir = Directory.CreateTempSubdirectory("airace-inputs-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static List<string> Errors(string path) =>
        Assert.Throws<ScenarioException>(() => ScenarioLoader.Load(path)).Lines.ToList();

    [Fact]
    public async Task A_named_pipe_is_refused_without_opening_it()
    {
        var fifo = Path.Combine(_dir, "pipe.yaml");
        using (var mk = Process.Start("mkfifo", [fifo])) mk.WaitForExit();
        // Opening a FIFO with no writer blocks for ever; a refusal proves the kind was asked first.
        var errors = await Task.Run(() => Errors(fifo)).WaitAsync(TimeSpan.FromSeconds(30)); // TimeoutException: it hung
        Assert.Equal([$"{fifo}:1:1: cannot read the file: it is a named pipe (FIFO), not a regular file"], errors);
        var extending = Write("extends-pipe.yaml", "extends: pipe.yaml\nname: x\n");
        Assert.Equal([$"{extending}:1:10: cannot read the extended file '{fifo}': it is a named pipe (FIFO), not a regular file"], Errors(extending));
    }

    [Fact]
    public void Devices_folders_and_symlink_loops_are_named_for_what_they_are()
    {
        Assert.Equal(["/dev/zero:1:1: cannot read the file: it is a character device (such as /dev/zero), not a regular file"], Errors("/dev/zero"));
        Assert.Equal(["/dev/urandom:1:1: cannot read the file: it is a character device (such as /dev/zero), not a regular file"], Errors("/dev/urandom"));
        Assert.Equal([$"{_dir}:1:1: cannot read the file: it is a folder, not a file"], Errors(_dir));
        var a = Path.Combine(_dir, "a.yaml");
        var b = Path.Combine(_dir, "b.yaml");
        File.CreateSymbolicLink(a, b);
        File.CreateSymbolicLink(b, a);
        Assert.Equal([$"{a}:1:1: cannot read the file: too many levels of symbolic links (a symlink loop?)"], Errors(a));
    }

    [Fact]
    public void A_file_over_16_MiB_is_refused_before_it_is_read()
    {
        var path = Path.Combine(_dir, "huge.yaml");
        using (var f = File.Create(path)) f.SetLength(Limits.FileBytes + 1); // sparse: costs no disk
        Assert.Equal([$"{path}:1:1: cannot read the file: it is larger than 16 MiB, the largest scenario file read; is this the right file?"], Errors(path));
        var exact = Path.Combine(_dir, "exact.yaml");
        using (var f = File.Create(exact)) f.SetLength(Limits.FileBytes); // at the limit: read (and found not to be text)
        Assert.DoesNotContain("larger than", Errors(exact)[0]);
    }

    [Fact]
    public void An_extends_chain_longer_than_the_limit_is_refused()
    {
        Write("f0.yaml", Header);
        for (int i = 1; i <= Limits.ExtendsChain; i++) Write($"f{i}.yaml", $"extends: f{i - 1}.yaml\n");
        // f32 → f31 → … → f0 holds 33 files.
        var errors = Errors(Path.Combine(_dir, $"f{Limits.ExtendsChain}.yaml"));
        Assert.Single(errors);
        Assert.EndsWith($"more than {Limits.ExtendsChain} files extend one another; shorten the chain of 'extends'", errors[0]);
        // A chain of exactly 32 files loads.
        ScenarioLoader.Load(Path.Combine(_dir, $"f{Limits.ExtendsChain - 1}.yaml"));
    }

    [Theory]
    [InlineData("firms", 5001)]
    [InlineData("rules", 1001)]
    public void More_actors_or_rules_than_the_limit_are_refused(string section, int count)
    {
        var text = new StringBuilder(Header).Append(section).Append(":\n");
        for (int i = 0; i < count; i++)
            text.Append(section == "firms"
                ? $"  - {{ id: f{i}, country: US, funding: {{ musd_per_month: 1 }} }}\n"
                : $"  - {{ government: US, when: {{ metric: capability_gap_months, of: CN, behind: US, below: 6 }}, then: {{ enforcement: {{ target: CN, level: 1 }} }} }}\n");
        var path = Write($"{section}.yaml", text.ToString());
        var errors = Errors(path);
        Assert.Equal([$"{path}:8:3: {count} {section} is more than {count - 1}, the most a scenario can hold; split the scenario or leave some out"], errors);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Validation_time_grows_linearly_with_the_number_of_events(bool unknownFirms)
    {
        // With unknown firms every event is an error that looks for a suggestion among all firm ids.
        string File(int events)
        {
            var b = new StringBuilder(Header).Append("firms:\n");
            for (int f = 0; f < events / 20; f++) b.Append($"  - {{ id: lab{f}, country: US, funding: {{ musd_per_month: 100 }} }}\n");
            b.Append("events:\n");
            for (int i = 0; i < events; i++)
                b.Append(unknownFirms
                    ? $"  - {{ id: e{i}, date: 2021-{i % 12 + 1:00}, open_weights: {{ firm: nobody{i} }} }}\n"
                    : $"  - {{ id: e{i}, date: 2021-{i % 12 + 1:00}, enforcement: {{ target: CN, level: 0.5 }} }}\n");
            return Write($"events-{events}-{unknownFirms}.yaml", b.ToString());
        }
        var small = File(10_000);
        var large = File(40_000);
        void Load(string path)
        {
            try { ScenarioLoader.Load(path); } catch (ScenarioException) when (unknownFirms) { }
        }
        Load(small); // warm up the binder, the parser and the JIT
        double bestSmall = double.MaxValue, bestLarge = double.MaxValue;
        for (int round = 0; round < 3; round++) // interleaved, so a busy moment hits both sizes alike
        {
            var clock = Stopwatch.StartNew();
            Load(small);
            bestSmall = Math.Min(bestSmall, clock.Elapsed.TotalSeconds);
            clock.Restart();
            Load(large);
            bestLarge = Math.Min(bestLarge, clock.Elapsed.TotalSeconds);
        }
        double ratio = bestLarge / bestSmall;
        // Four times the events: about four times the time. The quadratic merge this replaced gave ×16 and more.
        Assert.True(ratio < 7, $"40,000 events took {ratio:0.0}× as long as 10,000");
    }

    [Fact]
    public void Every_limit_is_stated_in_the_scenario_docs()
    {
        var docs = System.IO.File.ReadAllText(Path.Combine(RepoPaths.Root(), "docs", "SCENARIOS.md"));
        var limits = typeof(Limits).GetFields().Where(f => f.IsLiteral).ToList();
        Assert.Equal(13, limits.Count);
        foreach (var f in limits)
        {
            string value = f.GetRawConstantValue() switch
            {
                long bytes => $"{bytes / (1024 * 1024)} MiB",
                double d => d.ToString("0e0", System.Globalization.CultureInfo.InvariantCulture),
                int i => i.ToString(f.Name.EndsWith("Year") ? "0" : "N0", System.Globalization.CultureInfo.InvariantCulture),
                var other => throw new InvalidOperationException($"{f.Name}: {other}"),
            };
            Assert.True(docs.Contains($"| `{f.Name}` | {value} |", StringComparison.Ordinal), $"docs/SCENARIOS.md lacks the row | `{f.Name}` | {value} |");
        }
    }
}

/// <summary>Every number with a range of its own is listed with that range in docs/SCENARIOS.md.</summary>
public sealed class RangeDocsTests
{
    [Fact]
    public void The_valid_ranges_table_lists_every_ranged_key_with_its_range()
    {
        var docs = File.ReadAllText(Path.Combine(RepoPaths.Root(), "docs", "SCENARIOS.md")).Replace("\r", "");
        var rows = Binding.RangeTable.Rows();
        Assert.True(rows.Count > 80, $"only {rows.Count} ranged keys found");
        var missing = rows.Where(r => !docs.Contains(r + "\n", StringComparison.Ordinal)).ToList();
        Assert.True(missing.Count == 0, "docs/SCENARIOS.md, 'Valid ranges', lacks or differs in:\n" + string.Join("\n", missing));
    }
}

/// <summary>The metrics table of docs/SCENARIOS.md is the metric registry.</summary>
public sealed class MetricDocsTests
{
    [Fact]
    public void The_metrics_table_is_the_registry_row_for_row()
    {
        var docs = File.ReadAllText(Path.Combine(RepoPaths.Root(), "docs", "SCENARIOS.md")).Replace("\r", "");
        var start = docs.IndexOf("| metric | entity | unit | meaning |\n|---|---|---|---|\n", StringComparison.Ordinal);
        Assert.True(start >= 0, "docs/SCENARIOS.md has no metrics table");
        var table = docs[start..].Split('\n').Skip(2).TakeWhile(l => l.StartsWith('|')).ToList();
        Assert.Equal(Binding.MetricTable.Rows(), table);
        // Every kind's names are unique, and every name is one the binder accepts.
        foreach (var kind in Enum.GetValues<AiRaceSim.Model.Series.EntityKind>())
        {
            var names = AiRaceSim.Model.Series.MetricRegistry.Of(kind).Select(m => m.Name).ToList();
            Assert.Equal(names.Count, names.Distinct().Count());
        }
    }
}

/// <summary>docs/MODEL.md's parameter rows give every world-wide parameter the catalog's default.</summary>
public sealed class ModelDocsParameterTests
{
    [Fact]
    public void Every_catalog_parameter_has_a_row_in_the_model_doc_with_its_default()
    {
        var rows = File.ReadAllLines(Path.Combine(RepoPaths.Root(), "docs", "MODEL.md"))
            .Where(l => l.StartsWith("| `", StringComparison.Ordinal))
            .Select(l => l.Split('|').Select(c => c.Trim()).ToArray()).ToList();
        var problems = new List<string>();
        foreach (var p in AiRaceSim.Model.Parameters.ParameterCatalog.All)
        {
            string name = p.Symbol.Length > 0 ? p.Symbol : p.Key;
            var named = rows.Where(r => r[1].Split(',').Select(c => c.Trim().Trim('`')).Contains(name)).ToList();
            string expected = Schema.ParameterTable.Default(p.Default);
            // The default is the fourth column (the patents table has no unit column: the third). A row
            // of several symbols (`ι_C`, `ι_R`) gives their defaults in the same order: match by position.
            bool Matches(string[] r)
            {
                var symbols = r[1].Split(',').Select(c => c.Trim().Trim('`')).ToList();
                int at = symbols.IndexOf(name);
                return new[] { r.ElementAtOrDefault(3), r.ElementAtOrDefault(4) }.Any(c =>
                {
                    if (c is null) return false;
                    if (c == expected) return true;
                    var values = c.Split(',').Select(x => x.Trim()).ToList();
                    return values.Count == symbols.Count ? values[at] == expected : values.Contains(expected);
                });
            }
            if (named.Count == 0) problems.Add($"{p.Key}: no row for `{name}`");
            else if (!named.Any(Matches)) problems.Add($"{p.Key}: no `{name}` row gives the catalog's default {expected}");
        }
        Assert.True(problems.Count == 0, "docs/MODEL.md parameter rows differ from ParameterCatalog:\n" + string.Join("\n", problems));
    }
}
