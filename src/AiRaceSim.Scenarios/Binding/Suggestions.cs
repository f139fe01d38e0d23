namespace AiRaceSim.Scenarios.Binding;

/// <summary>"did you mean …?": the closest candidate by edit distance (≤ 2) or by a shared beginning.</summary>
internal static class Suggestions
{
    /// <summary>Names listed after "known:" at most; the rest are counted.</summary>
    private const int Listed = 20;

    public static string? Closest(string given, IEnumerable<string> candidates)
    {
        var list = candidates.Distinct().ToList();
        string g = given.ToLowerInvariant();
        // Only candidates of about the same length can be within distance 2: the rest cost nothing.
        var near = list.Where(c => Math.Abs(c.Length - g.Length) <= 2)
            .Select(c => (c, d: Distance(g, c.ToLowerInvariant()))).Where(x => x.d <= 2).OrderBy(x => x.d).FirstOrDefault();
        if (near.c is not null) return near.c;
        return list
            .Select(c => (c, p: CommonPrefix(g, c.ToLowerInvariant())))
            .Where(x => x.p >= 4 || (x.p >= 3 && (x.p == g.Length || x.p == x.c.Length)))
            .OrderByDescending(x => x.p).Select(x => x.c).FirstOrDefault();
    }

    /// <summary>"; did you mean 'x'?" or, when nothing is close, "; known: a, b, c".</summary>
    public static string Hint(string given, IEnumerable<string> candidates, string knownLabel = "known")
    {
        var list = candidates.Distinct().ToList();
        return Closest(given, list) is { } s ? $"; did you mean '{s}'?" : $"; {knownLabel}: {Known(list)}";
    }

    /// <summary>"a, b, c", or the first 20 and "and N more".</summary>
    public static string Known(IReadOnlyCollection<string> names) =>
        names.Count <= Listed ? string.Join(", ", names) : $"{string.Join(", ", names.Take(Listed))} and {names.Count - Listed} more";

    private static int CommonPrefix(string a, string b)
    {
        int n = 0;
        while (n < a.Length && n < b.Length && a[n] == b[n]) n++;
        return n;
    }

    private static int Distance(string a, string b)
    {
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++) prev[j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            for (int j = 1; j <= b.Length; j++)
                cur[j] = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (prev, cur) = (cur, prev);
        }
        return prev[b.Length];
    }
}
