using AiRaceSim.Model.Series;
using AiRaceSim.Model.Simulation;

namespace AiRaceSim.Model.Tests;

/// <summary>
/// Batches joined in time (<see cref="SeriesBatch.Concat"/>) and across blocks of members
/// (<see cref="SeriesBatch.JoinMembers"/>): hand-made batches with a different value in every
/// cell and the layout worked out by hand, the refusals, and batches of real runs.
/// </summary>
public class SeriesBatchTests
{
    // Layout: [(key·Months + month)·Members + member].
    private static readonly SeriesBatch A = new(4, 2, 10, 2, 2, [1, 2, 3, 4, 5, 6, 7, 8]);                 // months 4–5
    private static readonly SeriesBatch B = new(6, 1, 10, 2, 2, [11, 12, 13, 14]);                         // month 6
    private static readonly SeriesBatch C = new(7, 2, 10, 2, 2, [21, 22, 23, 24, 25, 26, 27, 28]);         // months 7–8

    [Fact]
    public void The_indexer_reads_key_then_month_then_member()
    {
        Assert.Equal(6, A[1, 0, 1]);  // (1·2 + 0)·2 + 1 = 5
        Assert.Equal(3, A[0, 1, 0]);  // (0·2 + 1)·2 + 0 = 2
        Assert.Equal(7, A[1, 1, 0]);  // (1·2 + 1)·2 + 0 = 6
    }

    [Fact]
    public void Concat_joins_each_key_in_time_and_keeps_the_block()
    {
        var joined = SeriesBatch.Concat([A, B, C]);
        Assert.Equal((4, 5, 10, 2, 2), (joined.FirstMonthIndex, joined.Months, joined.FirstMember, joined.Members, joined.Keys));
        Assert.Equal([1.0, 2, 3, 4, 11, 12, 21, 22, 23, 24, 5, 6, 7, 8, 13, 14, 25, 26, 27, 28], joined.Values);
        Assert.Equal(14, joined[1, 2, 1]);  // key 1, month 6, member 11
        Assert.Equal(23, joined[0, 4, 0]);  // key 0, month 8, member 10
    }

    [Fact]
    public void Concat_of_two_parts_and_of_one()
    {
        Assert.Equal([11.0, 12, 21, 22, 23, 24, 13, 14, 25, 26, 27, 28], SeriesBatch.Concat([B, C]).Values);
        Assert.Same(B, SeriesBatch.Concat([B]));
    }

    [Theory]
    [InlineData("gap")]        // months 4–5 then 7–8: month 6 missing
    [InlineData("repeat")]     // month 6 twice
    [InlineData("backwards")]  // months 7–8 then 4–5
    [InlineData("members")]    // a part with three members
    [InlineData("keys")]       // a part with one key
    [InlineData("block")]      // the next months of another block of the same size
    public void Concat_refuses_parts_that_are_not_consecutive_months_of_one_block(string how)
    {
        SeriesBatch[] parts = how switch
        {
            "gap" => [A, C],
            "repeat" => [A, B, B],
            "backwards" => [C, A],
            "members" => [A, new SeriesBatch(6, 1, 10, 3, 2, [11, 12, 13, 14, 15, 16])],
            "block" => [A, B with { FirstMember = B.FirstMember + 2 }],
            _ => [A, new SeriesBatch(6, 1, 10, 2, 1, [11, 12])],
        };
        var e = Assert.Throws<ArgumentException>(() => SeriesBatch.Concat(parts));
        Assert.Equal("batches must be consecutive months of the same block", e.Message);
    }

    // Months 3–4, two keys; blocks of 2, 1 and 3 members from member 0.
    private static readonly SeriesBatch X = new(3, 2, 0, 2, 2, [1, 2, 3, 4, 5, 6, 7, 8]);
    private static readonly SeriesBatch Y = new(3, 2, 2, 1, 2, [11, 12, 13, 14]);
    private static readonly SeriesBatch Z = new(3, 2, 3, 3, 2, [21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32]);

    [Fact]
    public void JoinMembers_puts_the_blocks_side_by_side_in_every_row()
    {
        var joined = SeriesBatch.JoinMembers([X, Y, Z]);
        Assert.Equal((3, 2, 0, 6, 2), (joined.FirstMonthIndex, joined.Months, joined.FirstMember, joined.Members, joined.Keys));
        Assert.Equal([1.0, 2, 11, 21, 22, 23, 3, 4, 12, 24, 25, 26, 5, 6, 13, 27, 28, 29, 7, 8, 14, 30, 31, 32], joined.Values);
        Assert.Equal(12, joined[0, 1, 2]);  // key 0, month 4, member 2 (Y's only member)
        Assert.Equal(29, joined[1, 0, 5]);  // key 1, month 3, member 5 (Z's last)
        Assert.Same(Y, SeriesBatch.JoinMembers([Y]));
        Assert.Equal([11.0, 21, 22, 23, 12, 24, 25, 26, 13, 27, 28, 29, 14, 30, 31, 32], SeriesBatch.JoinMembers([Y, Z]).Values);
    }

    [Theory]
    [InlineData("gap")]        // members 0–1 then 3–5
    [InlineData("backwards")]  // member 2 then 0–1
    [InlineData("first")]      // other first month
    [InlineData("months")]     // fewer months
    [InlineData("keys")]       // fewer keys
    public void JoinMembers_refuses_blocks_that_are_not_the_same_months_of_consecutive_members(string how)
    {
        SeriesBatch[] blocks = how switch
        {
            "gap" => [X, Z],
            "backwards" => [Y, X],
            "first" => [X, Y with { FirstMonthIndex = 4 }],
            "months" => [X, new SeriesBatch(3, 1, 2, 1, 2, [11, 12])],
            _ => [X, new SeriesBatch(3, 2, 2, 1, 1, [11, 12])],
        };
        var e = Assert.Throws<ArgumentException>(() => SeriesBatch.JoinMembers(blocks));
        Assert.Equal("blocks must hold the same months and consecutive members", e.Message);
    }

    [Fact]
    public void Monthly_batches_of_a_run_concatenate_to_the_batch_of_the_whole_run()
    {
        var spec = TestWorlds.WithPolicy(months: 30);
        var whole = new BlockSimulation(spec, 0, 2, new SeriesCatalog(spec));
        whole.Run();
        var all = whole.TakeSeries()!;
        Assert.Null(whole.TakeSeries()); // nothing new since

        var monthly = new BlockSimulation(spec, 0, 2, new SeriesCatalog(spec));
        var parts = new List<SeriesBatch>();
        foreach (int months in new[] { 1, 7, 12, 10 }) // uneven pieces: recorder buffers are reused between takes
        {
            Assert.Equal(months, monthly.Step(months));
            parts.Add(monthly.TakeSeries()!);
        }
        Assert.Equal([0, 1, 8, 20], parts.Select(p => p.FirstMonthIndex));
        var joined = SeriesBatch.Concat(parts);
        Assert.Equal((0, 30, 2), (joined.FirstMonthIndex, joined.Months, joined.Members));
        Assert.Equal(all.Values, joined.Values);
        Assert.Null(new BlockSimulation(spec, 0, 1).TakeSeries()); // no catalog, nothing recorded
    }

    [Theory]
    [InlineData(new[] { 12, 12, 6 }, new[] { 12, 12, 6 })]   // slices as expected, the last cut short by the end
    [InlineData(new[] { 12, 12, 12 }, new[] { 12, 12, 6 })]  // the last slice expects more than the run has left
    [InlineData(new[] { 5, 0, 9 }, new[] { 12, 12, 6 })]     // fewer expected than stepped, and none: months kept apart, then copied in
    [InlineData(new[] { 12, 12, 6 }, new[] { 7, 12, 11 })]   // more expected than stepped: the slice's first months are copied out
    public void A_slice_recorded_in_place_holds_what_one_recorded_month_by_month_holds(int[] expected, int[] stepped)
    {
        // The whole run's batch (recorded month by month, then laid out) cut into the pieces stepped is the reference.
        var spec = TestWorlds.WithPolicy(months: 30);
        var whole = new BlockSimulation(spec, 0, 3, new SeriesCatalog(spec));
        whole.Run();
        var all = whole.TakeSeries()!;
        var sim = new BlockSimulation(spec, 0, 3, new SeriesCatalog(spec));
        int from = 0;
        for (int i = 0; i < stepped.Length; i++)
        {
            sim.ExpectSlice(expected[i]);
            Assert.Equal(stepped[i], sim.Step(stepped[i]));
            var part = sim.TakeSeries()!;
            Assert.Equal((from, stepped[i], 3), (part.FirstMonthIndex, part.Months, part.Members));
            for (int k = 0; k < all.Keys; k++)
                for (int t = 0; t < stepped[i]; t++)
                    for (int m = 0; m < 3; m++)
                        Assert.Equal(all[k, from + t, m], part[k, t, m]);
            from += stepped[i];
        }
        Assert.Equal(30, from);
        Assert.Null(sim.TakeSeries());
        // Months recorded and not taken cannot be laid out as a slice expected after them.
        var untaken = new BlockSimulation(spec, 0, 3, new SeriesCatalog(spec));
        untaken.Step(1);
        Assert.Throws<InvalidOperationException>(() => untaken.ExpectSlice(12));
    }

    [Fact]
    public void Blocks_of_members_join_to_the_batch_of_one_block_holding_them_all()
    {
        var spec = TestWorlds.WithPolicy(months: 18);
        var catalog = new SeriesCatalog(spec);
        SeriesBatch Run(int first, int count)
        {
            var sim = new BlockSimulation(spec, first, count, catalog);
            sim.Run();
            return sim.TakeSeries()!;
        }
        var one = Run(0, 5);
        var joined = SeriesBatch.JoinMembers([Run(0, 2), Run(2, 1), Run(3, 2)]);
        Assert.Equal((0, 18, 0, 5, catalog.Keys.Count), (joined.FirstMonthIndex, joined.Months, joined.FirstMember, joined.Members, joined.Keys));
        Assert.Equal(one.Values, joined.Values);
        Assert.Equal(3, Run(3, 2).FirstMember);
    }

    [Fact]
    public void All_metrics_names_each_metric_once_in_registry_order()
    {
        // The world's, then the new names of countries, pairs and firms; names shared between kinds appear once.
        string[] expected =
        [
            "capability", "largest_run_log_flop", "compute_installed", "patents", "patents_cumulative", "adoption", "funding",
            "compute_share", "revenue", "export_control_tier", "enforcement", "support", "vouchers", "perceived_gap_months",
            "spend", "domestic_chip_output", "domestic_chip_efficiency", "patent_subsidy", "open_capability", "budget", "gdp",
            "patents_quality_cumulative", "ai_budget_share_of_gdp",
            "capability_gap_months", "compute_gap_months", "capability_gap_flag", "compute_gap_flag",
            "algorithmic_efficiency", "market_share", "absorption", "compute_added_frontier", "compute_added_compliant",
            "compute_added_smuggled", "compute_added_domestic", "trained_capability",
        ];
        Assert.Equal(expected, SeriesCatalog.AllMetrics);
        Assert.Equal(expected, MetricRegistry.Names);
        Assert.Equal([7, 23, 4, 19, 1], Enum.GetValues<EntityKind>().Select(k => MetricRegistry.Of(k).Count));
    }
}
