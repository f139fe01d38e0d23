using System.Diagnostics;
using AiRaceSim.Contracts;
using AiRaceSim.Model.Gaps;
using AiRaceSim.Model.Parameters;
using AiRaceSim.Model.Series;
using AiRaceSim.Model.Simulation;
using AiRaceSim.Model.State;
using Orleans.Concurrency;

namespace AiRaceSim.Grains;

/// <summary>
/// The clock and barrier of one world: its months run through the kernel's <see cref="MonthProtocol"/>,
/// as in <see cref="BlockSimulation"/>, with the governments and firms as grains.
/// </summary>
public sealed class WorldGrain(ActorRuntimes runtimes, IServiceProvider services) : Grain, IWorldGrain, IMonthActors
{
    private CheckpointSlots? _checkpoints;
    private bool _checkpointing;
    private int _slices; // Advance calls done: the generation of the next checkpoint
    private WorldSpec? _spec;
    private WorldState? _world;
    private MonthProtocol? _protocol;
    private SeriesRecorder? _recorder;
    private IGovernmentGrain[] _governments = [];
    private int[] _deciders = []; // governments with rules or a perception: the others have nothing to decide
    private IFirmGrain[] _firms = [];
    private string _runId = "";
    private int _block;

    public async Task Start(WorldSetup setup)
    {
        (_runId, _block, _checkpointing, _slices) = (setup.RunId, setup.Block, setup.Checkpoints, 0);
        var rt = runtimes.For(setup.RunId, setup.Block, setup.Spec, setup.FirstMember, setup.Members);
        _spec = rt.Spec;
        _spec.Validate();
        _world = new WorldState(_spec, setup.Members, setup.FirstMember);
        _recorder = new SeriesRecorder(new SeriesCatalog(_spec, setup.Metrics, setup.Entities), setup.FirstMember, setup.Members);
        _governments = _spec.Countries
            .Select(c => GrainFactory.GetGrain<IGovernmentGrain>(GrainKeys.Government(setup.RunId, setup.Block, c.Id))).ToArray();
        _firms = _spec.Firms.Select(f => GrainFactory.GetGrain<IFirmGrain>(GrainKeys.Firm(setup.RunId, setup.Block, f.Id))).ToArray();
        _deciders = MonthProtocol.Deciders(_spec);

        ActorSetup For(int index) => new(setup.RunId, setup.Block, setup.FirstMember, setup.Members, setup.Spec, index);
        await Task.WhenAll(_governments.Select((g, i) => g.Start(For(i))));
        var reports = await Task.WhenAll(_firms.Select((f, i) => f.Start(For(i))));
        _protocol = new MonthProtocol(_spec, _world, rt.Global, reports.Select(r => r.Value).ToArray(), _recorder);
    }

    public async Task<Immutable<SeriesBatch>> Advance(int months, CancellationToken cancellation = default)
    {
        var (spec, world) = (_spec ?? throw new InvalidOperationException("world was not started"), _world!);
        var clock = Stopwatch.StartNew();
        int stepped = 0;
        _protocol!.ExpectSlice(months);
        while (stepped < months && world.MonthsDone < world.Months)
        {
            cancellation.ThrowIfCancellationRequested();
            await _protocol!.StepAsync(this);
            stepped++;
        }
        long calls = stepped * ((long)_deciders.Length + _governments.Length + _firms.Length);
        SimulationMetrics.MonthsStepped.Add(stepped);
        SimulationMetrics.MemberMonths.Add((long)stepped * world.Members);
        SimulationMetrics.GrainCalls.Add(calls);
        double seconds = clock.Elapsed.TotalSeconds;
        if (stepped > 0) SimulationMetrics.GrainCallsPerMonth.Record(calls / (double)stepped);
        if (stepped > 0 && seconds > 0) SimulationMetrics.MemberMonthsPerSecond.Record(stepped * (double)world.Members / seconds);
        var batch = _recorder!.Take() ?? SeriesBatch.Empty(world.MonthsDone, (int)world.FirstMember, world.Members, _recorder.Catalog.Keys.Count);
        if (_checkpointing && world.MonthsDone < world.Months)
        {
            // Saved before the slice is handed back: a caller that has the slice can always come back to its end
            // (not after the last: nothing steps on from there).
            int slice = ++_slices, done = world.MonthsDone;
            await Task.WhenAll(_governments.Select(g => g.Checkpoint(slice, done)).Concat(_firms.Select(f => f.Checkpoint(slice, done))));
            await Slots.SaveAsync(slice, done, StateImage.Save(world));
        }
        return batch.AsImmutable();
    }

    public async Task Restore(WorldSetup setup, int monthsDone)
    {
        if (!setup.Checkpoints) throw new ArgumentException("a world restores only from checkpoints it was started to take");
        await Start(setup);
        var own = await Slots.LoadAsync(monthsDone);
        await Task.WhenAll(_governments.Select(g => g.Restore(monthsDone)).Concat(_firms.Select(f => f.Restore(monthsDone))));
        StateImage.Restore(own.Image, _world!);
        _slices = own.Slice;
    }

    private CheckpointSlots Slots => _checkpoints ??= new CheckpointSlots(services, this.GetGrainId());

    async ValueTask<IReadOnlyList<RuleDecision>> IMonthActors.DecideAsync(int monthIndex, GapBoard lastMonth)
    {
        var board = lastMonth.AsImmutable();
        var decided = await Task.WhenAll(_deciders.Select(c => _governments[c].Decide(monthIndex, board)));
        return decided.SelectMany(d => d.Value).ToArray();
    }

    async ValueTask<GovernmentOutcome[]> IMonthActors.ApplyAsync(int monthIndex, IReadOnlyList<RuleDecision> decisions)
    {
        var all = decisions.ToArray().AsImmutable();
        var months = await Task.WhenAll(_governments.Select(g => g.Apply(monthIndex, all)));
        return months.Select(m => new GovernmentOutcome(m.Value.Home, m.Value.Report)).ToArray();
    }

    async ValueTask<FirmReport[]> IMonthActors.StepFirmsAsync(int monthIndex, GovernmentOutcome[] governments, WorldView world)
    {
        var spec = _protocol!.Spec;
        var steps = _firms.Select((f, i) =>
        {
            int country = spec.CountryIndex(spec.Firms[i].Country);
            var input = new FirmStepInput(governments[country].Home, FirmInputs.For(world, i, country));
            return f.Step(monthIndex, input.AsImmutable());
        });
        return (await Task.WhenAll(steps)).Select(r => r.Value).ToArray();
    }

    public async Task<ActorPlacement[]> Placements()
    {
        var spec = _spec ?? throw new InvalidOperationException("world was not started");
        var govs = await Task.WhenAll(_governments.Select(g => g.Where()));
        var firms = await Task.WhenAll(_firms.Select(f => f.Where()));
        return [.. spec.Countries.Select((c, i) => new ActorPlacement("c:" + c.Id, govs[i])),
                .. spec.Firms.Select((f, i) => new ActorPlacement("f:" + f.Id, firms[i]))];
    }

    public async Task Stop(bool keepCheckpoints = false)
    {
        await Task.WhenAll(_governments.Select(g => g.Stop(keepCheckpoints)).Concat(_firms.Select(f => f.Stop(keepCheckpoints))));
        if (!keepCheckpoints) await Slots.ClearAsync();
        if (_world is not null) runtimes.Release(_runId, _block);
        DeactivateOnIdle();
    }
}
