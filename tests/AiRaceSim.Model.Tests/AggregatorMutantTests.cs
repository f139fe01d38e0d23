using AiRaceSim.Model.Parameters;
using AiRaceSim.Model.Random;
using AiRaceSim.Model.Simulation;
using AiRaceSim.Model.State;
using AiRaceSim.Model.Time;

namespace AiRaceSim.Model.Tests;

/// <summary>
/// <see cref="WorldAggregator"/> fed by hand: three months of firm reports whose levels fall in month 1 and rise in
/// month 2, so running maxima, this month's values and last month's values all differ; frontiers, the view,
/// national shares and the firm compute gap against values worked out by hand.
/// </summary>
public class AggregatorMutantTests
{
    private const int Members = 2;
    private static readonly Month Start = TestWorlds.Start;
    // Firms: 0 us-frontier (API abroad), 1 us-open (open weights, publishes), 2 cn-a, 3 cn-b (publishes).
    private static readonly double[][][] Trained =
    [
        [[20, 21], [19, 22], [18, 17], [17.5, 23]],
        [[18, 19], [17, 20], [16, 15], [15.5, 21]],
        [[21, 22], [20, 23], [19, 18], [18.5, 24]],
    ];
    private static readonly double[][][] Flop =
    [
        [[24, 23], [23.5, 25], [22, 21], [21.5, 24.5]],
        [[23, 22], [22.5, 24], [21, 20], [20.5, 23.5]],
        [[26, 25], [25, 26], [24.6, 22], [23, 25.75]],
    ];
    private static readonly double[][][] Algorithmic =
    [
        [[3, 3], [1.2, 0.7], [3, 3], [0.9, 1.4]],
        [[3, 3], [1.5, 0.8], [3, 3], [1.1, 1.6]],
        [[3, 3], [1.9, 1.0], [3, 3], [1.3, 2.1]],
    ];
    private static readonly double[][] Budget = [[300, 130], [100, 170], [60, 45], [40, 105]];
    private static readonly double[][] Demand = [[310, 150], [120, 190], [70, 50], [45, 110]];
    private static readonly double[][] Funding = [[280, 120], [90, 160], [55, 40], [35, 100]];

    private static WorldSpec Spec() => TestWorlds.UsCn(months: 6, deterministic: true) with
    {
        Parameters = TestWorlds.UsCn().Parameters.With(ParameterCatalog.PublicationLagMonths, new Fixed(3)),
    };

    private static FirmReport[] Reports(BlockSimulation sim, int k) => sim.Reports().Select((r, j) => r with
    {
        Trained = Trained[k][j], Capability = Trained[k][j].Select(x => x + 0.5).ToArray(), LargestRunLogFlop = Flop[k][j],
        Algorithmic = Algorithmic[k][j], Budget = Budget[j], BudgetDemand = Demand[j], Funding = Funding[j],
    }).ToArray();

    private static void Aggregate(BlockSimulation sim, int k) =>
        WorldAggregator.Aggregate(sim.World, Reports(sim, k), sim.Countries.Select(CountryReport.Of).ToArray(), sim.Global, Start + k);

    private static double[] Month(MemberHistory series, int k) => series.Read(k).ToArray();

    [Fact]
    public void Country_frontiers_are_running_maxima_over_firms_and_months_and_the_world_frontier_their_maximum()
    {
        var sim = new BlockSimulation(Spec(), 0, Members);
        for (int k = 0; k < 3; k++) Aggregate(sim, k);
        var w = sim.World;
        // US: max(us-frontier, us-open), held through the fall of month 1; CN likewise.
        double[][] us = [[20, 22], [20, 22], [21, 23]], cn = [[18, 23], [18, 23], [19, 24]], world = [[20, 23], [20, 23], [21, 24]];
        double[][] usC = [[24, 25], [24, 25], [26, 26]], cnC = [[22, 24.5], [22, 24.5], [24.6, 25.75]], worldC = [[24, 25], [24, 25], [26, 26]];
        for (int k = 0; k < 3; k++)
        {
            Assert.Equal(us[k], Month(w.CountryFrontier[0], k));
            Assert.Equal(cn[k], Month(w.CountryFrontier[1], k));
            Assert.Equal(world[k], Month(w.WorldFrontier, k));
            Assert.Equal(usC[k], Month(w.CountryComputeFrontier[0], k));
            Assert.Equal(cnC[k], Month(w.CountryComputeFrontier[1], k));
            Assert.Equal(worldC[k], Month(w.WorldComputeFrontier, k));
        }
    }

    [Fact]
    public void A_firm_compute_gap_interpolates_the_month_the_world_compute_frontier_reached_its_largest_run()
    {
        var sim = new BlockSimulation(Spec(), 0, Members);
        for (int k = 0; k < 3; k++) Aggregate(sim, k);
        // cn-a, member 0: 24.6 between the world's 24 (month 1) and 26 (month 2): reached at 1 + 0.6/2 = 1.3, so 0.7 behind.
        Assert.Equal(0.7, sim.World.FirmComputeGap[2][0], 12);
        // cn-b, member 1: 25.75 between 25 (month 1) and 26 (month 2): reached at 1.75, 0.25 behind.
        Assert.Equal(0.25, sim.World.FirmComputeGap[3][1], 12);
    }

    [Fact]
    public void The_view_holds_this_month_s_best_open_model_and_the_API_models_in_arrays_it_keeps()
    {
        var sim = new BlockSimulation(Spec(), 0, Members);
        Aggregate(sim, 0);
        var api = sim.World.View.ApiCapability[0];
        Assert.NotNull(api);
        Assert.Equal([20.5, 21.5], api);
        Assert.Equal([19.5, 22.5], sim.World.View.OpenBest);
        Aggregate(sim, 1);
        // The open model fell: the best open model is this month's, not the best ever.
        Assert.Equal([17.5, 20.5], sim.World.View.OpenBest);
        Assert.Same(api, sim.World.View.ApiCapability[0]); // refilled in place, no allocation per month
        Assert.Equal([18.5, 19.5], api);
        Assert.Equal([0, 1, 2, 3], sim.World.View.ApiFirms);
    }

    [Fact]
    public void The_best_published_algorithms_are_the_publishers_maximum_and_the_view_reads_them_three_months_back()
    {
        var sim = new BlockSimulation(Spec(), 0, Members);
        var start = sim.World.PublishedSlot(0).ToArray();
        Aggregate(sim, 0);
        Assert.Equal([1.2, 1.4], sim.World.PublishedSlot(1)); // us-open leads member 0, cn-b member 1; non-publishers at 3 do not count
        Assert.Equal(start, sim.World.View.BestPublishedLagged); // for month 1: month −2, before the start: the start state
        Aggregate(sim, 1);
        Assert.Equal([1.5, 1.6], sim.World.PublishedSlot(2));
        Assert.Equal(start, sim.World.View.BestPublishedLagged); // for month 2: month −1
        Aggregate(sim, 2);
        Assert.Equal([1.9, 2.1], sim.World.PublishedSlot(3));
        Assert.Equal([1.2, 1.4], sim.World.View.BestPublishedLagged); // for month 3: month 0
        Assert.NotEqual(start, sim.World.View.BestPublishedLagged);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(1)]
    [InlineData(0)]
    [InlineData(600)]
    public void The_best_published_algorithms_are_kept_in_a_ring_of_as_many_slots_as_the_lag_reads(int lag)
    {
        var spec = Spec() with { Parameters = Spec().Parameters.With(ParameterCatalog.PublicationLagMonths, new Fixed(lag)) };
        var sim = new BlockSimulation(spec, 0, Members);
        Assert.Equal(Math.Min(Math.Max(1, lag), spec.Months + 1), WorldState.PublishedSlots(spec)); // 600: the run's 7 slots
        var start = sim.World.PublishedSlot(0).ToArray();
        // The reports of the test above in reverse, so the publishers' maximum falls: months 0, 1, 2 publish
        // 1.9/2.1, 1.5/1.6, 1.2/1.4 (a slot reused without being cleared would keep the higher value it held).
        double[][] published = [start, [1.9, 2.1], [1.5, 1.6], [1.2, 1.4]];
        for (int k = 0; k < 3; k++)
        {
            WorldAggregator.Aggregate(sim.World, Reports(sim, 2 - k), sim.Countries.Select(CountryReport.Of).ToArray(), sim.Global, Start + k);
            // Month k + 1's view: slot max(0, k + 2 − L), capped at this month's slot k + 1 (a lag of 0 acts as 1).
            Assert.Equal(published[Math.Min(Math.Max(0, k + 2 - lag), k + 1)], sim.World.View.BestPublishedLagged);
        }
    }

    [Fact]
    public void After_a_month_a_firm_s_national_share_is_its_budget_over_its_country_s_and_the_demand_its_country_s_sum()
    {
        var sim = new BlockSimulation(Spec(), 0, Members);
        Aggregate(sim, 0);
        var v = sim.World.View;
        // US: 300 / 400 and 130 / 300; CN: 60 / 100 and 45 / 150.
        Assert.Equal(0.75, v.NationalShare[0][0], 15); Assert.Equal(130.0 / 300, v.NationalShare[0][1], 15);
        Assert.Equal(0.25, v.NationalShare[1][0], 15); Assert.Equal(170.0 / 300, v.NationalShare[1][1], 15);
        Assert.Equal(0.6, v.NationalShare[2][0], 15); Assert.Equal(0.3, v.NationalShare[2][1], 15);
        // B_c from the unscaled budgets, not from funding: US 310 + 120, 150 + 190; CN 70 + 45, 50 + 110.
        Assert.Equal([430, 340], sim.World.NationalDemand[sim.Spec.CountryIndex("US")]);
        Assert.Equal([115, 160], sim.World.NationalDemand[sim.Spec.CountryIndex("CN")]);
    }

    [Fact]
    public void Before_the_first_month_national_shares_are_equal_among_a_country_s_active_firms()
    {
        var w = TestWorlds.UsCn(months: 6, deterministic: true);
        var spec = w with { Firms = [.. w.Firms, TestWorlds.Firm("us-third", "US", 70)] };
        var sim = new BlockSimulation(spec, 0, Members);
        for (int m = 0; m < Members; m++)
        {
            foreach (int us in new[] { 0, 1, 4 }) Assert.Equal(1.0 / 3, sim.World.View.NationalShare[us][m], 15);
            foreach (int cn in new[] { 2, 3 }) Assert.Equal(1.0 / 2, sim.World.View.NationalShare[cn][m], 15);
        }
    }

    [Fact]
    public void Before_the_first_month_the_view_shows_the_start_state()
    {
        var w = TestWorlds.UsCn(months: 6, deterministic: true);
        var spec = w with { Firms = [.. w.Firms.Select(f => f.Id == "cn-b" ? f with { ServesApi = false, AlgorithmicLagMonths = new Fixed(-7) } : f)] };
        var sim = new BlockSimulation(spec, 0, Members);
        var v = sim.World.View;
        Assert.Equal(sim.Firms[1].Capability, v.OpenBest); // us-open is the only open-weights lab
        Assert.Equal([0, 1, 2], v.ApiFirms);
        Assert.Equal(sim.Firms[2].Capability, v.ApiCapability[2]);
        Assert.Null(v.ApiCapability[3]);
        // cn-b's algorithms start 7 months ahead of us-open's: it holds the best published, and so the lagged view.
        Assert.True(sim.Firms[3].Algorithmic[0] > sim.Firms[1].Algorithmic[0]);
        Assert.Equal(sim.Firms[3].Algorithmic, sim.World.PublishedSlot(0));
        Assert.Equal(sim.Firms[3].Algorithmic, v.BestPublishedLagged);
    }

    [Fact]
    public void Aggregating_a_month_out_of_turn_is_refused()
    {
        var sim = new BlockSimulation(Spec(), 0, Members);
        var e = Assert.Throws<InvalidOperationException>(() => Aggregate(sim, 1));
        Assert.Equal("world expected month index 0, got 1", e.Message);
    }

    [Theory]
    [InlineData(0)]   // frontier_at on the entry month itself: nothing simulated yet
    [InlineData(-1)]  // before the start
    public void Prepare_refuses_an_entrant_in_the_first_month_at_a_frontier_not_yet_simulated(int offset)
    {
        // Validate refuses this spec; the aggregator, which hosts call directly, refuses it on its own.
        var w = TestWorlds.UsCn(months: 6, deterministic: true);
        var spec = w with { Firms = [.. w.Firms, TestWorlds.Firm("entrant", "CN", 15) with { Entry = Start, EntryCapability = new FrontierAt(Start + offset) }] };
        var draws = new MemberDraws(spec.Seed, 0, Members, spec.Deterministic);
        var firms = spec.Firms.Select((_, i) => FirmReport.Of(new FirmState(spec, i, draws))).ToArray();
        var e = Assert.Throws<InvalidOperationException>(() => WorldAggregator.Prepare(new WorldState(spec, Members), firms));
        Assert.Equal($"firm 'entrant': frontier_at {Start + offset} is outside the months simulated before its entry", e.Message);
    }
}
