using AiRaceSim.Model.Parameters;
using AiRaceSim.Model.State;

namespace AiRaceSim.Model.Simulation;

/// <summary>
/// The uncertain parameters of members <c>first .. first+count−1</c>, drawn by the same
/// constructors a <see cref="BlockSimulation"/> runs (world parameters, export tiers, countries,
/// firms, in that order), so they are the values the kernel uses. Draws depend on the member,
/// never on the block, so any split into blocks gives the same values.
/// </summary>
public static class DrawnParameters
{
    public static IReadOnlyList<DrawnParameter> Of(WorldSpec spec, int first, int count)
    {
        if (count < 1) throw new ArgumentOutOfRangeException(nameof(count), "at least one member");
        var log = new DrawLog();
        var d = new MemberDraws(spec.Seed, first, count, spec.Deterministic) { Log = log };
        _ = new GlobalDraws(spec.Parameters, d);
        _ = new TierDraws(spec.ExportTiers, d);
        for (int c = 0; c < spec.Countries.Count; c++) _ = new CountryState(spec, c, d);
        for (int f = 0; f < spec.Firms.Count; f++) _ = new FirmState(spec, f, d);
        return log.Entries;
    }
}
