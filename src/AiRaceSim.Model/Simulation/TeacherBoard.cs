using AiRaceSim.Model.Equations;

namespace AiRaceSim.Model.Simulation;

/// <summary>
/// (K3) The API teachers one country's firms can reach in a month, per member: for each distinct
/// access w, the best K_j (t−1) of the API firms reached with that access. Built once per country
/// and month, so a firm's teacher costs the number of distinct accesses (one or two in practice:
/// home and abroad) instead of the number of API firms, and a world's cost grows linearly in firms.
/// Exact: f + w·max(0, K − f) never falls as K rises, so the best K of a group gives the group's best.
/// </summary>
public sealed class TeacherBoard
{
    public readonly int Members;
    /// <summary>Room per member: the number of API firms when last built.</summary>
    private int _slots = 1;
    private double[] _access, _best;
    private readonly int[] _count;

    public TeacherBoard(int members)
    {
        Members = members;
        _access = new double[members];
        _best = new double[members];
        _count = new int[members];
    }

    /// <summary>The board from the API firms' capability at t−1 and this country's access to each firm this month.</summary>
    public void Build(double[]?[] apiCapability, int[] apiFirms, double[][] access)
    {
        int slots = Math.Max(1, apiFirms.Length);
        if (_access.Length < slots * Members)
        {
            _access = new double[slots * Members];
            _best = new double[slots * Members];
        }
        _slots = slots;
        Array.Clear(_count);
        // Firm by firm, members inner: each firm's two arrays are read in order (a member's groups still form in
        // the order of apiFirms, so the board is the one a member-by-member pass builds).
        foreach (int j in apiFirms)
        {
            ReadOnlySpan<double> capability = apiCapability[j]!.AsSpan(0, Members), reach = access[j].AsSpan(0, Members);
            for (int m = 0, at = 0; m < capability.Length; m++, at += slots)
            {
                double k = capability[m], w = reach[m];
                if (double.IsNegativeInfinity(k) || w <= 0) continue; // teaches nothing (TeacherFrom gives the floor)
                int g = 0, count = _count[m];
                while (g < count && _access[at + g] != w) g++;
                if (g == count) { _access[at + g] = w; _best[at + g] = k; _count[m] = count + 1; }
                else if (double.IsNaN(k) || k > _best[at + g]) _best[at + g] = k; // a NaN wins, as it did in max()
            }
        }
    }

    /// <summary>K_teach of member m from the floor max(K_open, own): the best API contribution, at least the floor.</summary>
    public double Teacher(int m, double floor)
    {
        double best = floor;
        for (int g = 0, at = m * _slots; g < _count[m]; g++)
            best = Math.Max(best, Capability.TeacherFrom(floor, _best[at + g], _access[at + g]));
        return best;
    }

    private TeacherBoard(int slots, int[] count, double[] access, double[] best) =>
        (Members, _slots, _count, _access, _best) = (count.Length, slots, count, access, best);

    /// <summary>
    /// The board's contents for a message, compacted to the most groups any member has (one or two,
    /// not the number of API firms): per member the number of groups, then its (access, best) pairs.
    /// </summary>
    public (int Slots, int[] Count, double[] Access, double[] Best) Contents()
    {
        int slots = Math.Max(1, _count.Length == 0 ? 1 : _count.Max());
        var access = new double[slots * Members];
        var best = new double[slots * Members];
        for (int m = 0; m < Members; m++)
        {
            Array.Copy(_access, m * _slots, access, m * slots, _count[m]);
            Array.Copy(_best, m * _slots, best, m * slots, _count[m]);
        }
        return (slots, (int[])_count.Clone(), access, best);
    }

    /// <summary>A board received in a message (<see cref="Contents"/> of one built elsewhere); it takes the arrays.</summary>
    public static TeacherBoard From(int slots, int[] count, double[] access, double[] best)
    {
        if (slots < 1 || access.Length < slots * count.Length || best.Length < slots * count.Length || count.Any(c => c < 0 || c > slots))
            throw new ArgumentException("a teacher board's contents do not fit its slots");
        return new TeacherBoard(slots, count, access, best);
    }
}
