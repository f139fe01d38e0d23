using AiRaceSim.Contracts;
using AiRaceSim.Model.Parameters;

namespace AiRaceSim.Grains;

/// <summary>The pieces every grain of a world rebuilds from the same setup: the spec and the members' draws.</summary>
internal sealed record ActorRuntime(WorldSpec Spec, MemberDraws Draws)
{
    public static ActorRuntime From(byte[] spec, int firstMember, int members)
    {
        var s = SpecCodec.Deserialize(spec);
        return new ActorRuntime(s, new MemberDraws(s.Seed, firstMember, members, s.Deterministic));
    }
}
