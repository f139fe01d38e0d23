using AiRaceSim.Contracts;
using AiRaceSim.Model.Simulation;
using AiRaceSim.Model.State;
using Orleans.Concurrency;

namespace AiRaceSim.Grains;

/// <summary>A firm over the members of one world: holds its state and steps it with the kernel.</summary>
[SpreadPlacement]
public sealed class FirmGrain(ActorRuntimes runtimes, IServiceProvider services) : Grain, IFirmGrain
{
    private CheckpointSlots? _checkpoints;
    private ActorRuntime? _rt;
    private FirmState? _firm;
    private EventCalendar? _calendar;
    private (string Run, int Block) _world;

    public Task<Immutable<FirmReport>> Start(ActorSetup setup)
    {
        _world = (setup.RunId, setup.Block);
        _rt = runtimes.For(setup.RunId, setup.Block, setup.Spec, setup.FirstMember, setup.Members);
        _firm = new FirmState(_rt.Spec, setup.ActorIndex, _rt.Draws);
        _calendar = new EventCalendar(_rt.Spec);
        if (_firm.EntryMonth(_rt.Spec.Start) == _rt.Spec.Start) FirmStep.Enter(_firm, null, _rt.Global, _rt.Spec.Start - 1);
        return Task.FromResult(FirmReport.Of(_firm).AsImmutable());
    }

    public Task<Immutable<FirmReport>> Step(int monthIndex, Immutable<FirmStepInput> input)
    {
        var rt = _rt ?? throw new InvalidOperationException($"firm {this.GetPrimaryKeyString()} was not started");
        var f = _firm!;
        var t = rt.Spec.Start + monthIndex;
        FirmStep.Step(f, input.Value.Home, input.Value.World, rt.Global, rt.Tiers, rt.Draws, rt.Spec.Start, t,
            _calendar!.FirmEvents(t, f.Spec.Id));
        return Task.FromResult(FirmReport.Of(f).AsImmutable());
    }

    public Task Checkpoint(int slice, int monthsDone) =>
        Slots.SaveAsync(slice, monthsDone, StateImage.Save(_firm ?? throw new InvalidOperationException("firm was not started")));

    public async Task Restore(int monthsDone)
    {
        var firm = _firm ?? throw new InvalidOperationException("firm was not started");
        StateImage.Restore((await Slots.LoadAsync(monthsDone)).Image, firm);
    }

    public Task<string> Where() => Task.FromResult(RuntimeIdentity);

    public async Task Stop(bool keepCheckpoints = false)
    {
        if (!keepCheckpoints) await Slots.ClearAsync();
        runtimes.Release(_world.Run, _world.Block);
        DeactivateOnIdle();
    }

    private CheckpointSlots Slots => _checkpoints ??= new CheckpointSlots(services, this.GetGrainId());
}
