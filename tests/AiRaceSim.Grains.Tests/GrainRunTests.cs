using AiRaceSim.Ensembles;
using AiRaceSim.Client;
using AiRaceSim.Contracts;
using AiRaceSim.Model.Parameters;
using AiRaceSim.Model.Random;
using AiRaceSim.Model.Series;
using AiRaceSim.Model.Simulation;
using AiRaceSim.Model.Tests;

namespace AiRaceSim.Grains.Tests;

/// <summary>Runs through grains equal the kernel stepped directly, whatever the silos and blocks.</summary>
[Collection(ClusterCollection.Name)]
public sealed class GrainRunTests(ClusterFixture clusters)
{
    /// <summary>The policy world with GDP series whose ceilings bind (C2, M2 v2), so saturation crosses the grains too.</summary>
    private static WorldSpec Spec
    {
        get
        {
            var w = TestWorlds.WithPolicy(months: 72);
            return w with
            {
                Countries =
                [
                    w.Countries[0] with { Gdp = new GdpSeries(0.03, TestWorlds.Start, 1.05), BudgetCeilingShare = new UniformDist(0.15, 0.25), SpendCeilingShare = new Fixed(0.004) },
                    w.Countries[1] with { Gdp = new GdpSeries(0.012, TestWorlds.Start, 1.06), BudgetCeilingShare = new Fixed(0.1) },
                ],
            };
        }
    }

    [Fact]
    public void The_test_world_saturates_its_budgets_and_spending()
    {
        // Else the silo tests below would carry σ = 1 only.
        var sim = new BlockSimulation(Spec, 0, 4);
        sim.Step(24);
        Assert.Contains(sim.Firms, f => f.Budget[0] < 0.99 * f.BudgetDemand[0]);
        Assert.True(sim.Countries[0].Spend[0] < sim.Countries[0].Adoption[0] * sim.Countries[0].SpendPerAdopter[0] * 0.99);
    }

    private static Task<SeriesBatch> Run(IGrainFactory grains, WorldSpec spec, int members, int block, int slice = 12) =>
        new EnsembleDriver(new GrainBackend(grains)).RunToMemoryAsync(new RunRequest(spec, members, block) { SliceMonths = slice });

    private static SeriesBatch Kernel(WorldSpec spec, int members)
    {
        var sim = new BlockSimulation(spec, 0, members, new SeriesCatalog(spec));
        sim.Run();
        return sim.TakeSeries()!;
    }

    [Theory]
    [InlineData(16, 16, 12)]
    [InlineData(16, 5, 7)]
    [InlineData(13, 4, 1)]
    public async Task The_driver_gives_the_same_bits_on_its_in_process_and_grain_backends(int members, int block, int slice)
    {
        // One ensemble loop, two backends: the bare kernel stepped on the thread pool and the world grains.
        var request = new RunRequest(Spec, members, block) { SliceMonths = slice };
        var inProcess = await new EnsembleDriver(new InProcessBackend()).RunToMemoryAsync(request);
        AssertBitIdentical(Kernel(Spec, members), inProcess);
        AssertBitIdentical(inProcess, await new EnsembleDriver(new GrainBackend(clusters.One.Client)).RunToMemoryAsync(request));
    }

    [Theory]
    [InlineData(13, 4, 1)]
    [InlineData(16, 16, 1)]
    public async Task Slices_whose_arrays_are_reused_carry_the_same_bits_as_slices_kept(int members, int block, int slice)
    {
        // With ReusesSlices a slice's array is handed back once its callback completes and filled again by a later slice
        // (of this run or another): a copy taken inside the callback must still equal the run kept in memory.
        var request = new RunRequest(Spec, members, block) { SliceMonths = slice };
        var kept = await new EnsembleDriver(new InProcessBackend()).RunToMemoryAsync(request);
        // The embedded silo of `airace run` as well: there the grains' batches reach the driver without a copy.
        await using var embedded = await AiRaceSim.Silo.SimulationHost.StartAsync(new AiRaceSim.Silo.HostOptions());
        foreach (IEnsembleBackend backend in new IEnsembleBackend[] { new InProcessBackend(), new GrainBackend(clusters.One.Client), new GrainBackend(embedded.Grains) })
        {
            var copies = new List<SeriesBatch>();
            await new EnsembleDriver(backend) { ReusesSlices = true }.RunAsync(request, async s =>
            {
                await Task.Delay(10); // the next slice steps meanwhile (with one block, into an array of this one's length)
                copies.Add(s with { Values = (double[])s.Values.Clone() });
            });
            AssertBitIdentical(kept, SeriesBatch.Concat(copies));
        }
    }

    private static void AssertBitIdentical(SeriesBatch expected, SeriesBatch actual)
    {
        Assert.Equal((expected.FirstMonthIndex, expected.Months, expected.Members, expected.Keys),
            (actual.FirstMonthIndex, actual.Months, actual.Members, actual.Keys));
        for (int i = 0; i < expected.Values.Length; i++)
            Assert.True(BitConverter.DoubleToInt64Bits(expected.Values[i]) == BitConverter.DoubleToInt64Bits(actual.Values[i]),
                $"value {i}: {expected.Values[i]:R} vs {actual.Values[i]:R}");
    }

    [Fact]
    public async Task One_silo_and_two_silos_record_bit_identical_series()
    {
        var one = await Run(clusters.One.Client, Spec, 12, 6);
        var two = await Run(clusters.Two.Client, Spec, 12, 6, slice: 7);
        AssertBitIdentical(one, two);
    }

    [Fact]
    public async Task In_a_two_silo_cluster_the_actors_of_a_world_run_on_both_silos()
    {
        var world = clusters.Two.Client.GetGrain<IWorldGrain>(GrainKeys.World("placement", 0));
        await world.Start(new WorldSetup("placement", 0, 0, 2, SpecCodec.Serialize(Spec), null, null));
        var placements = await world.Placements();
        await world.Stop();
        Assert.Equal(2, placements.Select(p => p.Silo).Distinct().Count());
    }

    [Fact]
    public async Task Sixty_four_members_in_one_block_equal_four_blocks_of_sixteen_and_the_bare_kernel()
    {
        var kernel = Kernel(Spec, 64);
        var whole = await Run(clusters.One.Client, Spec, 64, 64);
        var blocks = await Run(clusters.One.Client, Spec, 64, 16);
        AssertBitIdentical(kernel, whole);
        AssertBitIdentical(kernel, blocks);
    }

    [Fact]
    public async Task A_cancelled_run_stops_with_operation_cancelled()
    {
        using var cts = new CancellationTokenSource();
        var runner = new EnsembleDriver(new GrainBackend(clusters.One.Client));
        int slices = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => runner.RunAsync(new RunRequest(Spec, 4, 2) { SliceMonths = 6 },
            _ => { if (++slices == 2) cts.Cancel(); return ValueTask.CompletedTask; }, null, cts.Token));
        Assert.Equal(2, slices);
    }
}
