using System.Text;
using System.Text.RegularExpressions;

namespace AiRaceSim.Scenarios;

/// <summary>
/// Keeps messages short and on one line: a value is quoted as at most
/// <see cref="Limits.ExcerptChars"/> characters, control characters are shown escaped, and a
/// file's content never reaches the terminal.
/// </summary>
public static partial class Excerpt
{
    private const int LongestMessage = 600;

    /// <summary>A run without spaces longer than any path or name a message needs.</summary>
    [GeneratedRegex(@"\S{121,}")]
    private static partial Regex LongRun();

    /// <summary>The value itself when short, else its start and an ellipsis; control characters escaped.</summary>
    public static string Of(string value, int most = Limits.ExcerptChars) =>
        Escaped(value.Length <= most ? value : value[..(most - 1)] + "…");

    /// <summary>A path as the user wrote it, cut only when it is longer than any real one.</summary>
    public static string OfPath(string path) => Of(path, 300);

    /// <summary>A message with control characters escaped, any overlong word cut, and its length bounded: a safety net under the excerpts each message quotes.</summary>
    public static string Message(string message)
    {
        string m = LongRun().Replace(Escaped(message), r => r.Value[..119] + "…");
        return m.Length <= LongestMessage ? m : m[..(LongestMessage - 1)] + "…";
    }

    private static string Escaped(string text)
    {
        if (!text.Any(char.IsControl)) return text;
        var b = new StringBuilder(text.Length + 8);
        foreach (char ch in text)
            b.Append(ch switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(ch) => $"\\u{(int)ch:X4}",
                _ => ch.ToString(),
            });
        return b.ToString();
    }
}
