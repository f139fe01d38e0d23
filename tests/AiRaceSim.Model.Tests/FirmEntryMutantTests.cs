using static AiRaceSim.Model.Tests.Near;
using AiRaceSim.Model.Parameters;
using AiRaceSim.Model.Policy;
using AiRaceSim.Model.Random;
using AiRaceSim.Model.Simulation;
using AiRaceSim.Model.State;
using AiRaceSim.Model.Time;

namespace AiRaceSim.Model.Tests;

/// <summary>
/// A firm's entry and its runs (FirmStep.Enter, C2 funding, C6, K1) and its state (FirmState): funding carried
/// from the reference date along its segments, the first run on the initial compute, later runs and the largest
/// one, an entry at a level of its own, the state of a firm before entry and after exit, the streams its
/// parameters are drawn from. Expected values are worked out from the equation in each comment.
/// </summary>
public class FirmEntryMutantTests
{
    private static readonly Month Start = TestWorlds.Start;


    private static WorldSpec World(params FirmSpec[] extra)
    {
        var w = TestWorlds.UsCn(16, seed: 5);
        return w with { Firms = [.. w.Firms, .. extra] };
    }

    [Fact]
    public void C2_funding_grows_by_last_months_segment_so_the_new_rate_applies_from_its_date()
    {
        // 80 M$/month at the start, 1.5×/yr until 2020-07, 3×/yr from then: Funding(t) = 80·1.5^(min(k, 6)/12)·3^(max(0, k − 6)/12).
        var firm = TestWorlds.Firm("cn-new", "CN", 80) with
        {
            Funding = new FundingSchedule(new Fixed(80), Start, [(Start, new Fixed(1.5)), (Start + 6, new Fixed(3.0))]),
        };
        var sim = new BlockSimulation(World(firm), 0, 2);
        var f = sim.Firms[^1];
        for (int k = 0; k < 10; k++)
        {
            sim.Step();
            double expected = 80 * Math.Pow(1.5, Math.Min(k, 6) / 12.0) * Math.Pow(3.0, Math.Max(0, k - 6) / 12.0);
            for (int m = 0; m < 2; m++) Close(expected, f.Funding[m], $"funding in month {k}");
        }
    }

    [Fact]
    public void Entrant_at_a_level_of_its_own_starts_there_with_funding_of_its_entry_month_and_no_run()
    {
        // Entry in 2020-06 at K = 20 with 5000 H100e (so a run on them could have been counted): funding 80·1.5^(5/12).
        var entry = Start + 5;
        var firm = TestWorlds.Firm("cn-new", "CN", 80, h0: 5000) with { Entry = entry, EntryCapability = new CapabilityLevel(20) };
        var sim = new BlockSimulation(World(firm), 0, 2);
        var f = sim.Firms[^1];
        while (sim.Next <= entry) sim.Step();
        Assert.True(f.Active);
        for (int m = 0; m < 2; m++)
        {
            Close(80 * Math.Pow(1.5, 5 / 12.0), f.Funding[m], "funding at entry");
            Assert.Equal(20, f.Base[m]);                                // no run ends in the entry month (T_run = 4)
            Assert.True(double.IsNegativeInfinity(f.LargestRunLogFlop[m]));
            Assert.True(double.IsNegativeInfinity(f.LastRunLogFlop[m]));
        }
    }

    [Fact]
    public void C6_runs_use_phi_times_the_country_scale_and_the_largest_run_is_the_maximum_so_far()
    {
        // φ = 0.4, country scale 1.6 (φ·s = 0.64 < 1), F = 3e21, u = 0.35, T_run = 5, H0 = 20000; 3000 M$/month buys more.
        // Entry: a run on the initial compute, log10(0.64·F·H0·u·5); then every 5 months log10(0.64·F·Σ u·H over the run).
        var w = World();
        var spec = w with
        {
            Parameters = w.Parameters.With(ParameterCatalog.FlopPerH100eMonth, new Fixed(3e21)).With(ParameterCatalog.Utilisation, new Fixed(0.35)),
            Countries = [w.Countries[0], w.Countries[1] with { FrontierRunShareScale = new Fixed(1.6) }],
            Firms = [.. w.Firms.Take(2), TestWorlds.Firm("cn-a", "CN", 3000) with { RunMonths = new Fixed(5) }],
        };
        var sim = new BlockSimulation(spec, 0, 2);
        var f = sim.Firms[2];
        double first = Math.Log10(0.64 * 3e21 * 20000 * 0.35 * 5);
        var largest = new double[2];
        for (int m = 0; m < 2; m++)
        {
            Close(first, f.LastRunLogFlop[m], "entry run");
            Assert.Equal(first, f.LargestRunLogFlop[m]);
            largest[m] = first;
        }
        int runs = 0;
        for (int ti = 0; ti < 15; ti++)
        {
            var accumulated = f.RunAccumulated.ToArray();
            sim.Step();
            if ((ti + 1) % 5 != 0) continue;
            runs++;
            for (int m = 0; m < 2; m++)
            {
                double run = Math.Log10(0.64 * 3e21 * (accumulated[m] + f.Utilised[m]));
                Close(run, f.LastRunLogFlop[m], $"run ending in month {ti}");
                Assert.True(run > first + 0.05, "guard: later runs are larger");
                largest[m] = Math.Max(largest[m], run);
                Close(largest[m], f.LargestRunLogFlop[m], "largest run");
                Assert.Equal(0, f.RunAccumulated[m]);
            }
        }
        Assert.Equal(3, runs);
    }

    [Fact]
    public void Enter_refuses_a_frontier_at_firm_without_its_entry_level()
    {
        var spec = World(TestWorlds.Firm("cn-new", "CN", 15) with { Entry = Start + 4, EntryCapability = new FrontierAt(Start + 1) });
        var d = new MemberDraws(spec.Seed, 0, 2, false);
        var f = new FirmState(spec, spec.Firms.Count - 1, d);
        var e = Assert.Throws<InvalidOperationException>(() => FirmStep.Enter(f, null, new GlobalDraws(spec.Parameters, d), Start + 3));
        Assert.Equal("firm 'cn-new' enters without its entry level", e.Message);
    }

    [Fact]
    public void A_firm_before_its_entry_holds_no_levels_and_after_its_exit_adds_no_chips()
    {
        var entry = Start + 6;
        var spec = World(TestWorlds.Firm("cn-new", "CN", 15, h0: 100) with { Entry = entry, EntryCapability = new CapabilityLevel(21) }) with
        {
            Events = [new() { Date = Start + 3, Firm = new Exit("cn-b") }],
        };
        var sim = new BlockSimulation(spec, 0, 2);
        var late = sim.Firms[^1];
        var exiting = sim.Firms[spec.FirmIndex("cn-b")];
        for (int ti = 0; ti < 5; ti++)
        {
            sim.Step();
            foreach (var a in new[] { late.Capability, late.Trained, late.Base, late.Candidate, late.Teacher, late.Algorithmic,
                         late.LargestRunLogFlop, late.LastRunLogFlop, late.Pending, late.PendingTrained })
                Assert.All(a, x => Assert.True(double.IsNaN(x), $"month {ti}: {x} before entry"));
            if (ti < 2) Assert.Contains(exiting.AddedByChannel[(int)Channel.Frontier], x => x > 0); // guard: it bought chips
            if (ti >= 3)
            {
                Assert.False(exiting.Active);
                foreach (var a in exiting.AddedByChannel) Assert.All(a, x => Assert.Equal(0, x));
            }
        }
    }

    [Fact]
    public void Run_share_scale_and_funding_level_are_drawn_from_their_documented_streams()
    {
        // Pins the stream layout (DrawSlot: fixed numbers, never reordered): the scale is the country's draw at
        // CountryRunShareScale keyed by ("country", id), the funding level the firm's draw at ParameterBase + 40.
        var w = World();
        var scale = new UniformDist(0.6, 1.4);
        var level = new UniformDist(40, 90);
        var spec = w with
        {
            Countries = [w.Countries[0], w.Countries[1] with { FrontierRunShareScale = scale }],
            Firms = [.. w.Firms.Take(2), w.Firms[2] with { Funding = new FundingSchedule(level, Start - 1, [(Start - 1, new Fixed(1.0))]) }, w.Firms[3]],
        };
        var d = new MemberDraws(spec.Seed, 3, 4, false);
        var a = new FirmState(spec, 2, d);
        var b = new FirmState(spec, 3, d);
        var g = new GlobalDraws(spec.Parameters, d);
        FirmStep.Enter(a, null, g, Start - 1);
        int country = ActorKey.Of("country", "CN"), firm = ActorKey.Of("firm", "cn-a");
        for (int m = 0; m < 4; m++)
        {
            double s = 0.6 + 0.8 * CounterRng.Uniform(5, 3 + m, country, CounterRng.SetupMonth, DrawSlot.CountryRunShareScale);
            Close(s, a.RunShareScale[m], "scale");
            Assert.Equal(a.RunShareScale[m], b.RunShareScale[m]); // one scale for the country's firms
            Close(40 + 50 * CounterRng.Uniform(5, 3 + m, firm, CounterRng.SetupMonth, DrawSlot.ParameterBase + 40), a.Funding[m], "level");
        }
    }
}
