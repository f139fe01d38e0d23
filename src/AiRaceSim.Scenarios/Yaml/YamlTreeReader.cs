using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace AiRaceSim.Scenarios.Yaml;

/// <summary>
/// Reads one YAML (or JSON) text into a <see cref="YNode"/> tree from the parser's events, which
/// keeps every position. Refuses tags, anchors and aliases (nothing but plain data belongs in a
/// scenario) and duplicate keys; turns the parser's exceptions into positioned errors.
/// </summary>
internal sealed class YamlTreeReader
{
    /// <summary>Deeper nesting is refused: the tree is read recursively, and no scenario needs it.</summary>
    private const int MaxDepth = Limits.NestingDepth;

    private readonly string _file;
    private readonly string _text;
    private readonly Diagnostics _diag;
    private readonly IParser _parser;
    private readonly Stack<(Mark Start, char Bracket)> _openFlows = new();
    private Mark _last = Mark.Empty;
    private int _depth;

    private YamlTreeReader(string file, string text, Diagnostics diag)
    {
        _file = file;
        _text = text;
        _diag = diag;
        _parser = new Parser(new StringReader(text));
    }

    /// <summary>The root node, or null after reporting why there is none.</summary>
    public static YNode? Read(string file, string text, Diagnostics diag) => new YamlTreeReader(file, text, diag).Read();

    private YNode? Read()
    {
        try
        {
            Next<StreamStart>();
            if (_parser.TryConsume<StreamEnd>(out _))
            {
                _diag.Add(_file, 1, 1, "the file is empty; a scenario needs at least name, start, end and countries");
                return null;
            }
            Next<DocumentStart>();
            var root = ReadNode();
            Next<DocumentEnd>();
            if (_parser.Current is DocumentStart second)
                _diag.Add(_file, Line(second.Start), Column(second.Start), "a second YAML document ('---') in the file; a scenario file holds exactly one");
            return root;
        }
        catch (TooDeepException e)
        {
            _diag.Add(_file, Line(e.At), Column(e.At), $"lists and maps are nested more than {MaxDepth} levels deep here; a scenario never needs that");
            return null;
        }
        catch (YamlException e)
        {
            ReportSyntax(e);
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner fails without a position when the text ends inside [ ] or { }.
            if (_openFlows.TryPeek(out var open))
                _diag.Add(_file, Line(open.Start), Column(open.Start),
                    $"this '{open.Bracket}' is never closed; add the matching '{(open.Bracket == '[' ? ']' : '}')}'");
            else
                _diag.Add(_file, Line(_last), Column(_last), "invalid YAML after this point; check for an unclosed '[' or '{'");
            return null;
        }
    }

    private T Next<T>() where T : ParsingEvent
    {
        var e = _parser.Consume<T>();
        _last = e.Start;
        return e;
    }

    private YNode ReadNode()
    {
        var current = _parser.Current ?? throw new InvalidOperationException("the parser ended early");
        _last = current.Start;
        if (current is AnchorAlias alias)
        {
            _parser.MoveNext();
            _diag.Add(_file, Line(alias.Start), Column(alias.Start),
                $"alias '*{alias.Value}' is not supported; write the value out (or share it with 'extends')");
            return new YScalar(_file, Line(alias.Start), Column(alias.Start), "", plain: true);
        }
        if (current is NodeEvent ev)
        {
            if (!ev.Anchor.IsEmpty)
                _diag.Add(_file, Line(ev.Start), Column(ev.Start),
                    $"anchor '&{ev.Anchor.Value}' is not supported; write values out (or share them with 'extends')");
            if (!ev.Tag.IsEmpty)
                _diag.Add(_file, Line(ev.Start), Column(ev.Start),
                    $"tag '{ShortTag(ev.Tag.Value)}' is not allowed; a scenario holds plain values only, remove the tag");
        }
        if (current is not Scalar && ++_depth > MaxDepth) throw new TooDeepException(current.Start);
        YNode node = current switch
        {
            Scalar s => ReadScalar(s),
            SequenceStart s => ReadSequence(s),
            MappingStart m => ReadMap(m),
            _ => throw new YamlException(current.Start, current.End, $"unexpected {current.GetType().Name}"),
        };
        if (current is not Scalar) _depth--;
        return node;
    }

    private YScalar ReadScalar(Scalar s)
    {
        _parser.MoveNext();
        return new YScalar(_file, Line(s.Start), Column(s.Start), s.Value, s.Style == ScalarStyle.Plain);
    }

    private YSequence ReadSequence(SequenceStart start)
    {
        _parser.MoveNext();
        if (start.Style == SequenceStyle.Flow) _openFlows.Push((start.Start, '['));
        var items = new List<YNode>();
        while (!_parser.TryConsume<SequenceEnd>(out _)) items.Add(ReadNode());
        if (start.Style == SequenceStyle.Flow) _openFlows.Pop();
        return new YSequence(_file, Line(start.Start), Column(start.Start), items);
    }

    private YMap ReadMap(MappingStart start)
    {
        _parser.MoveNext();
        if (start.Style == MappingStyle.Flow) _openFlows.Push((start.Start, '{'));
        var entries = new List<YEntry>();
        var seen = new Dictionary<string, YScalar>(StringComparer.Ordinal);
        while (!_parser.TryConsume<MappingEnd>(out _))
        {
            var key = ReadNode();
            var value = ReadNode();
            if (key is not YScalar k)
            {
                _diag.At(key, $"a key must be plain text, not {key.Describe()}; write name: value");
                continue;
            }
            if (seen.TryGetValue(k.Value, out var first))
            {
                _diag.At(k, $"duplicate key '{Excerpt.Of(k.Value)}' (first at line {first.Line}); keep one of them");
                continue;
            }
            seen.Add(k.Value, k);
            entries.Add(new YEntry(k, value));
        }
        if (start.Style == MappingStyle.Flow) _openFlows.Pop();
        return new YMap(_file, Line(start.Start), Column(start.Start), entries);
    }

    private void ReportSyntax(YamlException e)
    {
        int line = Line(e.Start), column = Column(e.Start);
        // YamlDotNet reports a tab used as indentation at the start of the enclosing block; point at the tab.
        if (e.Message.Contains("tab", StringComparison.OrdinalIgnoreCase) && FindIndentTab(line) is var (tl, tc))
        {
            _diag.Add(_file, tl, tc, "tab character used for indentation; YAML indents with spaces only");
            return;
        }
        string reason = (e.InnerException?.Message ?? e.Message).Trim().TrimEnd('.');
        if (reason.Length > 0) reason = char.ToLowerInvariant(reason[0]) + reason[1..];
        _diag.Add(_file, line, column, $"invalid YAML: {reason}; check the indentation, quotes and colons here");
    }

    private (int Line, int Column)? FindIndentTab(int fromLine)
    {
        var lines = _text.Split('\n');
        for (int i = Math.Max(0, fromLine - 1); i < lines.Length; i++)
        {
            string l = lines[i];
            for (int c = 0; c < l.Length && l[c] is ' ' or '\t'; c++)
                if (l[c] == '\t') return (i + 1, c + 1);
        }
        return null;
    }

    private static string ShortTag(string tag) =>
        tag.StartsWith("tag:yaml.org,2002:", StringComparison.Ordinal) ? "!!" + tag["tag:yaml.org,2002:".Length..] : tag;

    private static int Line(Mark m) => (int)Math.Clamp(m.Line, 1, int.MaxValue);
    private static int Column(Mark m) => (int)Math.Clamp(m.Column, 1, int.MaxValue);

    private sealed class TooDeepException(Mark at) : Exception("nesting too deep")
    {
        public Mark At { get; } = at;
    }
}
