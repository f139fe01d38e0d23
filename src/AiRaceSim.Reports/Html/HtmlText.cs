using System.Net;
using System.Text;

namespace AiRaceSim.Reports.Html;

/// <summary>Small HTML writing helpers shared by the run and compare reports: escaping, tables, the page frame with its inline CSS.</summary>
public static class HtmlText
{
    public static string E(string text) => WebUtility.HtmlEncode(text);

    public static void Table(StringBuilder html, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows, int leftColumns = 1)
    {
        html.Append("<table>\n<thead><tr>");
        foreach (var h in header) html.Append("<th>").Append(E(h)).Append("</th>");
        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in rows)
        {
            html.Append("<tr>");
            for (int i = 0; i < row.Count; i++) html.Append(i < leftColumns ? "<td>" : "<td class=\"n\">").Append(E(row[i])).Append("</td>");
            html.Append("</tr>\n");
        }
        html.Append("</tbody>\n</table>\n");
    }

    /// <summary>Inlines a chart's SVG (no script, no external reference) with its caption.</summary>
    public static void Figure(StringBuilder html, string svg, string caption, string files)
    {
        int root = svg.IndexOf("<svg", StringComparison.Ordinal);
        html.Append("<figure>\n").Append(root >= 0 ? svg[root..] : svg).Append("<figcaption>").Append(E(caption))
            .Append(" <span class=\"files\">(").Append(E(files)).Append(")</span></figcaption>\n</figure>\n");
    }

    public static string Page(string title, string body) => $$"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{E(title)}}</title>
        <style>
        body { font-family: "DejaVu Sans", Verdana, sans-serif; max-width: 1240px; margin: 1em auto; padding: 0 1em; color: #111; line-height: 1.45; }
        h1 { font-size: 1.6em; } h2 { font-size: 1.25em; margin-top: 1.6em; border-bottom: 1px solid #ccc; }
        table { border-collapse: collapse; margin: 0.6em 0; font-size: 0.92em; }
        th, td { border: 1px solid #ccc; padding: 0.25em 0.6em; text-align: left; vertical-align: top; }
        td.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        thead th { background: #f2f2f2; }
        figure { margin: 1em 0 2em 0; } figure svg { max-width: 100%; height: auto; border: 1px solid #eee; }
        figcaption { font-size: 0.92em; color: #333; } .files, .hash { color: #666; font-size: 0.9em; }
        .hash { font-family: "DejaVu Sans Mono", monospace; word-break: break-all; }
        .pass { color: #006400; } .miss { color: #a00000; font-weight: bold; }
        </style>
        </head>
        <body>
        {{body}}
        </body>
        </html>

        """;
}
