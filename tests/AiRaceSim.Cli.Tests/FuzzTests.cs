using System.Text;

namespace AiRaceSim.Cli.Tests;

/// <summary>
/// Deterministic fuzzing: a few hundred mutations of the baseline scenario, each validated by
/// `airace validate`. Every one ends in exit 0 or 2, never in a stack trace, and every message
/// names the file. The mutations come from a fixed seed, so a failure is reproducible.
/// </summary>
[Collection(CliCollection.Name)]
public sealed class FuzzTests : IDisposable
{
    private const int Mutations = 300;
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Mutated_baselines_end_in_ok_or_a_message_that_names_the_file()
    {
        var baseline = File.ReadAllText(Path.Combine(ProcessTests.RepoRoot(), "scenarios", "baseline.yaml"));
        var random = new SplitMix(20261201);
        int refused = 0;
        for (int i = 0; i < Mutations; i++)
        {
            var (what, text) = Mutate(baseline, random);
            var path = _cli.PathIn($"fuzz-{i:000}.yaml");
            File.WriteAllText(path, text, new UTF8Encoding(false));
            var (code, stdout, stderr) = await _cli.Run("validate", path);
            string context = $"mutation {i} ({what}): exit {code}\n{stderr}";
            Assert.True(code is 0 or 2, context);
            Assert.DoesNotContain("Exception", stderr + stdout);
            Assert.DoesNotContain("   at ", stderr);
            if (code == 2)
            {
                refused++;
                Assert.All(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries), line => Assert.StartsWith(path, line));
                Assert.True(stderr.Split('\n').Length <= 52, context);
            }
            File.Delete(path);
        }
        // Most mutations break something: the fuzzing reaches the checks, not only the happy path.
        Assert.InRange(refused, Mutations / 3, Mutations);
    }

    private static readonly string[] Inserts =
        ["\0", "\u0007", ":", "- ", "[", "{", "}", "]", "'", "\"", "\t", "&a", "*a", "!!python/object", "\n", "#", "1e308", "-1", ".nan", ".inf", "~", "null", "é", "\uFEFF"];

    private static readonly string[] Numbers = ["0", "-1", "1e308", "-1e308", "1e-300", "1e15", "1e16", "999999999999", "0.5", "nan", ".inf", "2", "100000"];

    private static (string What, string Text) Mutate(string text, SplitMix r)
    {
        var lines = text.Split('\n').ToList();
        switch (r.Next(8))
        {
            case 0:
            {
                int at = r.Next(text.Length);
                return ("delete a character", text.Remove(at, 1));
            }
            case 1:
            {
                int at = r.Next(text.Length);
                var s = Inserts[r.Next(Inserts.Length)];
                return ($"insert {Escape(s)}", text.Insert(at, s));
            }
            case 2:
            {
                int at = r.Next(lines.Count);
                lines.RemoveAt(at);
                return ($"delete line {at + 1}", string.Join('\n', lines));
            }
            case 3:
            {
                int at = r.Next(lines.Count);
                lines.Insert(at, lines[at]);
                return ($"duplicate line {at + 1}", string.Join('\n', lines));
            }
            case 4:
            {
                int a = r.Next(lines.Count), b = r.Next(lines.Count);
                (lines[a], lines[b]) = (lines[b], lines[a]);
                return ($"swap lines {a + 1} and {b + 1}", string.Join('\n', lines));
            }
            case 5:
            {
                var numbers = System.Text.RegularExpressions.Regex.Matches(text, @"(?<=[ :\[,])-?[0-9][0-9.e+-]*(?=[ ,\]}\n])");
                if (numbers.Count == 0) return ("unchanged", text);
                var m = numbers[r.Next(numbers.Count)];
                var n = Numbers[r.Next(Numbers.Length)];
                return ($"number at {m.Index} → {n}", text[..m.Index] + n + text[(m.Index + m.Length)..]);
            }
            case 6:
            {
                int at = r.Next(text.Length);
                return ($"truncate at {at}", text[..at]);
            }
            default:
            {
                int at = r.Next(lines.Count);
                int indent = lines[at].Length - lines[at].TrimStart().Length;
                lines[at] = new string(' ', (indent + 1 + r.Next(3)) % 8) + lines[at].TrimStart();
                return ($"re-indent line {at + 1}", string.Join('\n', lines));
            }
        }
    }

    private static string Escape(string s) => string.Concat(s.Select(c => char.IsControl(c) || c > 126 ? $"\\u{(int)c:X4}" : c.ToString()));

    /// <summary>SplitMix64: a small deterministic generator for the test's own choices.</summary>
    private sealed class SplitMix(ulong seed)
    {
        private ulong _state = seed;

        public int Next(int bound)
        {
            ulong z = _state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return (int)((z ^ (z >> 31)) % (ulong)bound);
        }
    }
}
