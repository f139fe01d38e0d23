using System.Globalization;
using AiRaceSim.Output;
using Parquet;

namespace AiRaceSim.Cli.Tests;

/// <summary>draws.csv and draws.parquet, and the block-size invariance of every output of a run.</summary>
[Collection(CliCollection.Name)]
public sealed class DrawsTests : IDisposable
{
    private const string Small = "scenarios/small.yaml";
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Draws_hold_each_members_uncertain_parameters_in_csv_and_parquet_alike()
    {
        var dir = _cli.PathIn("draws");
        var (code, stdout, stderr) = await _cli.Run("run", Small, "--format", "both", "--no-report", "--out", dir);
        Assert.True(code == 0, stderr);
        Assert.Contains("draws.csv, draws.parquet", stdout);
        var lines = File.ReadAllLines(Path.Combine(dir, "draws.csv"));
        Assert.Equal("member,parameter,value", lines[0]);
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToList();
        // small.yaml's uncertain values, in draw order: its halving time, the default H20 tier's efficiency, the two
        // countries' v2 ceilings (defaults U(0.02, 0.05)), cn-lab's distillation. The API block's leakage is drawn when
        // the block happens: not a draw here.
        string[] expected =
        [
            "parameters.algorithmic_halving_months", "export_tiers.h20.compliant_efficiency",
            "countries.US.budget_ceiling_share_of_gdp", "countries.US.spend_ceiling_share_of_gdp",
            "countries.CN.budget_ceiling_share_of_gdp", "countries.CN.spend_ceiling_share_of_gdp",
            "firms.cn-lab.distillation",
        ];
        Assert.Equal(3 * expected.Length, rows.Count);
        for (int m = 0; m < 3; m++)
        {
            Assert.Equal(expected, rows.Skip(m * expected.Length).Take(expected.Length).Select(r => r[1]));
            Assert.All(rows.Skip(m * expected.Length).Take(expected.Length), r => Assert.Equal(m.ToString(CultureInfo.InvariantCulture), r[0]));
        }
        var values = rows.ToDictionary(r => (r[0], r[1]), r => double.Parse(r[2], CultureInfo.InvariantCulture));
        for (int m = 0; m < 3; m++)
        {
            string member = m.ToString(CultureInfo.InvariantCulture);
            Assert.InRange(values[(member, "countries.US.budget_ceiling_share_of_gdp")], 0.02, 0.05);
            Assert.InRange(values[(member, "firms.cn-lab.distillation")], 0, 1);
        }
        Assert.Equal(3, rows.Where(r => r[1] == "firms.cn-lab.distillation").Select(r => r[2]).Distinct().Count());

        await using var reader = await ParquetReader.CreateAsync(Path.Combine(dir, "draws.parquet"));
        var parquet = new List<string>();
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            int n = checked((int)group.RowCount);
            var member = new int[n]; var parameter = new string?[n]; var value = new double[n];
            await group.ReadAsync(DrawsWriter.Member, member.AsMemory());
            await group.ReadAsync(DrawsWriter.Parameter, parameter.AsMemory());
            await group.ReadAsync(DrawsWriter.Value, value.AsMemory());
            for (int i = 0; i < n; i++)
                parquet.Add(string.Join(',', member[i].ToString(CultureInfo.InvariantCulture), parameter[i], value[i].ToString("R", CultureInfo.InvariantCulture)));
        }
        Assert.Equal(lines.Skip(1), parquet);
    }

    [Fact]
    public async Task A_scenario_without_uncertain_values_writes_draws_with_the_header_alone()
    {
        // small.yaml with every distribution (its own and the defaults: the H20 tier, the v2 ceilings) fixed.
        var scenario = _cli.PathIn("fixed.yaml");
        File.WriteAllText(scenario, File.ReadAllText(Path.Combine(AppContext.BaseDirectory, Small))
            .Replace("algorithmic_halving_months: { dist: lognormal, median: 8, p95: 14 }", "algorithmic_halving_months: 8")
            .Replace("distillation: { dist: beta, a: 4, b: 4 }", "distillation: 0.5")
            .Replace("    patents: { propensity: 0.5 }", "    patents: { propensity: 0.5 }\n    budget_ceiling_share_of_gdp: 0.03\n    spend_ceiling_share_of_gdp: 0.03")
            .Replace("    patents: { propensity: 1.0 }", "    patents: { propensity: 1.0 }\n    budget_ceiling_share_of_gdp: 0.03\n    spend_ceiling_share_of_gdp: 0.03")
            + "export_tiers: [{ name: none }, { name: h20, compliant_efficiency: 0.3 }]   # test values\n");
        var dir = _cli.PathIn("fixed");
        var (code, _, stderr) = await _cli.Run("run", scenario, "--format", "both", "--no-report", "--out", dir);
        Assert.True(code == 0, stderr);
        Assert.Equal(["member,parameter,value"], File.ReadAllLines(Path.Combine(dir, "draws.csv")));
        await using var reader = await ParquetReader.CreateAsync(Path.Combine(dir, "draws.parquet"));
        Assert.Equal(0, reader.RowGroupCount);
    }

    [Fact]
    public async Task Every_output_is_the_same_bytes_whatever_the_block_size()
    {
        // 7 members in one block, in blocks of 3 (a short last block) and of 1; quantiles, outcomes, draws and both series files.
        var outputs = new List<Dictionary<string, byte[]>>();
        foreach (var block in new[] { "7", "3", "1" })
        {
            var dir = _cli.PathIn("block-" + block);
            var (code, _, stderr) = await _cli.Run("run", Small, "--members", "7", "--block", block, "--format", "both", "--no-report", "--out", dir);
            Assert.True(code == 0, stderr);
            outputs.Add(Directory.GetFiles(dir).Where(f => Path.GetFileName(f) != "manifest.json")
                .ToDictionary(f => Path.GetFileName(f)!, File.ReadAllBytes));
        }
        Assert.Equal(["draws.csv", "draws.parquet", "outcomes.csv", "quantiles.csv", "series.csv", "series.parquet"], outputs[0].Keys.Order());
        foreach (var other in outputs.Skip(1))
        {
            Assert.Equal(outputs[0].Keys.Order(), other.Keys.Order());
            foreach (var (file, bytes) in outputs[0])
                Assert.True(bytes.AsSpan().SequenceEqual(other[file]), $"{file} differs between block sizes");
        }
    }
}
