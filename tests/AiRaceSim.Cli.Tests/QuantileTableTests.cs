using System.Text;
using AiRaceSim.Model.Time;
using AiRaceSim.Reports.Data;

namespace AiRaceSim.Cli.Tests;

/// <summary>
/// The report's reader of quantiles.csv: rows read off a buffer of a million characters (no string per line),
/// so lines that cross, or are longer than, a buffer and the line numbers of errors after one are checked here.
/// </summary>
public sealed class QuantileTableTests : IDisposable
{
    private const string Header = "date,entity,metric,mean,p05,p25,p50,p75,p95,sd";
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("airace-quantile-table-");

    public void Dispose() => _folder.Delete(recursive: true);

    private QuantileTable Load(string text, params string[] metrics)
    {
        File.WriteAllText(Path.Combine(_folder.FullName, "quantiles.csv"), text, new UTF8Encoding(false));
        return QuantileTable.Load(_folder.FullName, new HashSet<string>(metrics), Month.Of(2020, 1), Month.Of(2020, 12));
    }

    [Fact]
    public void Rows_give_each_series_its_months_with_gaps_as_NaN_whatever_the_line_ends_and_quoting()
    {
        // CRLF line ends, no newline after the last row, a quoted row of the same series as unquoted ones,
        // a quoted entity holding a comma, a metric not asked for, and 2020-02 missing for US.
        string text = string.Join("\r\n",
            Header,
            "2020-01,US,capability,1,2,3,4,5,6,0.5",
            "2020-01,US,revenue,9,9,9,9,9,9,0",
            "2020-01,\"A, B\",capability,7,7,7,7,7,7,",
            "2020-02,CN,capability,,0.5,1.5,2.5,3.5,4.5,",
            "2020-03,\"US\",capability,10,20,30,40,50,60,1");
        var table = Load(text, "capability");

        Assert.Equal(Month.Of(2020, 1), table.Start);
        Assert.Equal(3, table.Months);
        var us = table.Get("US", "capability")!;
        Assert.Equal(new double[] { 1, double.NaN, 10 }, us.Mean);
        Assert.Equal(new double[] { 2, double.NaN, 20 }, us.P05);
        Assert.Equal(new double[] { 6, double.NaN, 60 }, us.P95);
        var cn = table.Get("CN", "capability")!;
        Assert.Equal(new double[] { double.NaN, double.NaN, double.NaN }, cn.Mean); // an empty field is no value
        Assert.Equal(new double[] { double.NaN, 2.5, double.NaN }, cn.P50);
        Assert.Equal(new double[] { 7, double.NaN, double.NaN }, table.Get("A, B", "capability")!.P75);
        Assert.Null(table.Get("US", "revenue"));
    }

    [Fact]
    public void A_line_longer_than_the_buffer_and_rows_after_it_are_read_whole()
    {
        // An entity name of 3 MB (the buffer starts at 1 Mi characters and must grow twice), then ordinary rows.
        string huge = new('x', 3 << 20);
        var text = new StringBuilder(Header).Append('\n')
            .Append("2020-01,").Append(huge).Append(",capability,1,1,1,1,1,1,\n")
            .Append("2020-02,US,capability,2,2,2,2,2,2,\n");
        var table = Load(text.ToString(), "capability");
        Assert.Equal(new double[] { 1, double.NaN }, table.Get(huge, "capability")!.P50);
        Assert.Equal(new double[] { double.NaN, 2 }, table.Get("US", "capability")!.P50);
    }

    [Fact]
    public void A_bad_number_far_past_the_first_buffer_is_named_by_its_line_and_column()
    {
        // 40,000 rows of 35-39 characters, about 1.55 million: the bad row (from character 1,158,937) lies past the first buffer.
        var text = new StringBuilder(Header).Append('\n');
        for (int i = 0; i < 40_000; i++)
            text.Append("2020-0").Append(1 + i % 9).Append(",E").Append(i).Append(",capability,1,2,3,").Append(i == 30_000 ? "abc" : "4").Append(",5,6,\n");
        var e = Assert.Throws<FormatException>(() => Load(text.ToString(), "capability"));
        // Header is line 1, row i is line i + 2; "2020-04,E30000,capability,1,2,3," is 32 characters before the field.
        Assert.Contains("quantiles.csv:30002:33: field 7: expected a number such as 0.25 (or an empty field), got 'abc'", e.Message);
    }

    [Theory]
    [InlineData("\r\n")]
    [InlineData("\r")]
    public void Rows_end_at_CRLF_or_a_lone_CR_as_at_LF(string end)
    {
        // Nine fields (written before sd): the last one, P95, is empty in the first row, so a line end left on it
        // would not parse as a number.
        string text = string.Join(end, "date,entity,metric,mean,p05,p25,p50,p75,p95",
            "2020-01,US,capability,1,2,3,4,5,", "2020-02,US,capability,1,2,3,4,5,") + end;
        var us = Load(text, "capability").Get("US", "capability")!;
        Assert.Equal(new double[] { double.NaN, double.NaN }, us.P95); // the last line's end too (at the end of the file)
        Assert.Equal(new double[] { 4, 4 }, us.P50);
    }

    [Fact]
    public void A_CRLF_split_by_the_end_of_a_buffer_ends_one_line()
    {
        // The header is read on its own; the first row's CR is the buffer's last character (index 2^20 - 1), its LF the
        // first of the next read. Read as two line ends, the empty line between would be refused.
        string prefix = "2020-01,", suffix = ",capability,1,2,3,4,5,6,";
        string row = prefix + new string('x', (1 << 20) - 1 - prefix.Length - suffix.Length) + suffix;
        Assert.Equal((1 << 20) - 1, row.Length);
        var table = Load(Header + "\n" + row + "\r\n2020-02,US,capability,1,2,3,4,5,6,\r\n", "capability");
        Assert.Equal(new double[] { double.NaN, 4 }, table.Get("US", "capability")!.P50);
        Assert.Equal(2, table.Months);
    }

    [Fact]
    public void An_empty_date_in_the_first_row_is_refused_as_any_other_bad_month()
    {
        var e = Assert.Throws<FormatException>(() => Load(Header + "\n,US,capability,1,2,3,4,5,6,\n", "capability"));
        Assert.Contains("quantiles.csv:2:1: field 1: expected a month yyyy-MM, got ''", e.Message);
    }
}
