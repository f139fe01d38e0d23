using AiRaceSim.Contracts;
using AiRaceSim.Model.Policy;
using AiRaceSim.Model.Simulation;
using AiRaceSim.Model.State;
using Orleans.Concurrency;

namespace AiRaceSim.Grains;

/// <summary>A government over the members of one world: holds the country's state and calls the kernel's two phases.</summary>
[SpreadPlacement]
public sealed class GovernmentGrain(ActorRuntimes runtimes, IServiceProvider services) : Grain, IGovernmentGrain
{
    private CheckpointSlots? _checkpoints;
    private ActorRuntime? _rt;
    private CountryState? _country;
    private RuleState[] _rules = [];
    private EventCalendar? _calendar;
    private HomePolicy? _home;
    private (string Run, int Block) _world;

    public Task Start(ActorSetup setup)
    {
        _world = (setup.RunId, setup.Block);
        _rt = runtimes.For(setup.RunId, setup.Block, setup.Spec, setup.FirstMember, setup.Members);
        _country = new CountryState(_rt.Spec, setup.ActorIndex, _rt.Draws);
        _rules = _rt.Spec.Rules.Where(r => r.Government == _country.Id).Select(_ => new RuleState(setup.Members)).ToArray();
        _calendar = new EventCalendar(_rt.Spec);
        _home = HomePolicy.Of(_country);
        return Task.CompletedTask;
    }

    public Task<Immutable<RuleDecision[]>> Decide(int monthIndex, Immutable<GapBoard> lastMonth)
    {
        var (rt, c) = Started();
        var decisions = GovernmentStep.Decide(c, rt.Spec, lastMonth.Value, _rules, rt.Draws, rt.Spec.Start + monthIndex);
        return Task.FromResult(decisions.ToArray().AsImmutable());
    }

    public Task<Immutable<GovernmentMonth>> Apply(int monthIndex, Immutable<RuleDecision[]> decisions)
    {
        var (rt, c) = Started();
        var t = rt.Spec.Start + monthIndex;
        GovernmentStep.Apply(c, rt.Spec, rt.Draws, t, _calendar!.CountryEvents(t), decisions.Value);
        return Task.FromResult(new GovernmentMonth(_home!, CountryReport.Of(c)).AsImmutable());
    }

    public Task Checkpoint(int slice, int monthsDone)
    {
        var (_, c) = Started();
        return Slots.SaveAsync(slice, monthsDone, StateImage.Save(c, _rules));
    }

    public async Task Restore(int monthsDone)
    {
        var (_, c) = Started();
        StateImage.Restore((await Slots.LoadAsync(monthsDone)).Image, c, _rules);
    }

    public Task<string> Where() => Task.FromResult(RuntimeIdentity);

    public async Task Stop(bool keepCheckpoints = false)
    {
        if (!keepCheckpoints) await Slots.ClearAsync();
        runtimes.Release(_world.Run, _world.Block);
        DeactivateOnIdle();
    }

    private CheckpointSlots Slots => _checkpoints ??= new CheckpointSlots(services, this.GetGrainId());

    private (ActorRuntime, CountryState) Started() =>
        (_rt ?? throw new InvalidOperationException($"government {this.GetPrimaryKeyString()} was not started"), _country!);
}
