using System.Runtime.CompilerServices;
using AiRaceSim.Scenarios.Yaml;

namespace AiRaceSim.Scenarios.Binding;

/// <summary>
/// Where each bound document object and each of its members was written, and which objects had
/// errors while binding (so later checks skip them instead of piling up follow-on errors).
/// </summary>
internal sealed class SourceMap
{
    private readonly Dictionary<object, YNode> _nodes = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<(object Owner, string Member), YNode> _members = new(new MemberComparer());
    private readonly HashSet<object> _broken = new(ReferenceEqualityComparer.Instance);

    public SourceMap() { }

    /// <summary>A copy to add to: a variant of a scenario keeps the positions of the parts it shares with its base.</summary>
    public SourceMap(SourceMap from)
    {
        _nodes = new Dictionary<object, YNode>(from._nodes, ReferenceEqualityComparer.Instance);
        _members = new Dictionary<(object Owner, string Member), YNode>(from._members, new MemberComparer());
        _broken = new HashSet<object>(from._broken, ReferenceEqualityComparer.Instance);
    }

    public void SetNode(object value, YNode node) => _nodes[value] = node;

    public void SetMember(object owner, string member, YNode node) => _members[(owner, member)] = node;

    public YNode Node(object value) => _nodes[value];

    public YNode? TryNode(object value) => _nodes.GetValueOrDefault(value);

    public YNode? Member(object owner, string member) => _members.GetValueOrDefault((owner, member));

    /// <summary>The member's node, or the owner's when the member was not written (a default applies).</summary>
    public YNode At(object owner, string member) => Member(owner, member) ?? Node(owner);

    public void Break(object value) => _broken.Add(value);

    public bool IsBroken(object? value) => value is not null && _broken.Contains(value);

    private sealed class MemberComparer : IEqualityComparer<(object Owner, string Member)>
    {
        public bool Equals((object Owner, string Member) x, (object Owner, string Member) y) =>
            ReferenceEquals(x.Owner, y.Owner) && x.Member == y.Member;

        public int GetHashCode((object Owner, string Member) k) =>
            HashCode.Combine(RuntimeHelpers.GetHashCode(k.Owner), k.Member);
    }
}
