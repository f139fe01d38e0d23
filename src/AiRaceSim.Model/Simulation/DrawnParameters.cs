using AiRaceSim.Model.Parameters;

namespace AiRaceSim.Model.Simulation;

/// <summary>
/// The uncertain parameters of members <c>first .. first+count−1</c>, drawn by the block's own
/// setup (<see cref="BlockSimulation.Draw"/>), so they are the values the kernel uses. Draws depend on the member,
/// never on the block, so any split into blocks gives the same values.
/// </summary>
public static class DrawnParameters
{
    public static IReadOnlyList<DrawnParameter> Of(WorldSpec spec, int first, int count)
    {
        if (count < 1) throw new ArgumentOutOfRangeException(nameof(count), "at least one member");
        var log = new DrawLog();
        _ = BlockSimulation.Draw(spec, new MemberDraws(spec.Seed, first, count, spec.Deterministic) { Log = log });
        return log.Entries;
    }
}
