using System.Collections.Concurrent;
using AiRaceSim.Contracts;
using AiRaceSim.Model.Parameters;

namespace AiRaceSim.Grains;

/// <summary>
/// What every grain of a world rebuilds from the same setup — the spec and the members' parameter
/// draws — built once per world and silo and shared by that world's grains there: the draws are
/// read-only, and twenty firms reading one copy keeps it in cache (a copy each cost the grain
/// path a third of its speed; docs/PERFORMANCE.md). Held by <see cref="ActorRuntimes"/>.
/// </summary>
internal sealed class ActorRuntime
{
    public WorldSpec Spec { get; }
    public MemberDraws Draws { get; }
    public GlobalDraws Global { get; }
    public TierDraws Tiers { get; }

    internal ActorRuntime(byte[] spec, int firstMember, int members)
    {
        Spec = SpecCodec.Deserialize(spec);
        Draws = new MemberDraws(Spec.Seed, firstMember, members, Spec.Deterministic);
        Global = new GlobalDraws(Spec.Parameters, Draws);
        Tiers = new TierDraws(Spec.ExportTiers, Draws);
    }
}

/// <summary>
/// The silo's worlds' runtimes, one per (run, block): a singleton of the silo's services (so two silos
/// in one process, as in the test clusters, keep theirs apart), injected into the grains.
/// </summary>
public sealed class ActorRuntimes
{
    private readonly ConcurrentDictionary<(string Run, int Block), Lazy<ActorRuntime>> _shared = new();

    internal ActorRuntime For(string run, int block, byte[] spec, int firstMember, int members)
    {
        var lazy = _shared.GetOrAdd((run, block), _ => new Lazy<ActorRuntime>(() => new ActorRuntime(spec, firstMember, members)));
        try
        {
            return lazy.Value;
        }
        catch
        {
            _shared.TryRemove(new KeyValuePair<(string, int), Lazy<ActorRuntime>>((run, block), lazy)); // do not keep a failure
            throw;
        }
    }

    /// <summary>Forgets a world's runtime on this silo (its grains are stopping).</summary>
    public void Release(string run, int block) => _shared.TryRemove((run, block), out _);

    /// <summary>Worlds whose runtime this silo holds.</summary>
    public int Count => _shared.Count;
}
