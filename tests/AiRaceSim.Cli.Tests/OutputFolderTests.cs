using AiRaceSim.Output;

namespace AiRaceSim.Cli.Tests;

/// <summary>The output folder's own edges: a file added to the old output during a run, a stop by signal.</summary>
[Collection(CliCollection.Name)]
public sealed class OutputFolderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("airace-folder-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static void EarlierOutput(string dir)
    {
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "series.csv"), "old");
        File.WriteAllText(Path.Combine(dir, "manifest.json"), "{\"format\": \"airace-run\", \"format_version\": 1, \"outputs\": [\"series.csv\", \"manifest.json\"]}");
    }

    [Fact]
    public void A_file_added_to_the_old_output_during_the_run_keeps_both_outputs_visibly()
    {
        var dest = Path.Combine(_dir, "out");
        EarlierOutput(dest);
        var folder = OutputFolder.Take(dest, []);
        File.WriteAllText(folder.PathOf("series.csv"), "new");
        File.WriteAllText(Path.Combine(dest, "notes.txt"), "added while the run went on");
        var e = Assert.Throws<OutputFolderException>(folder.Commit);
        var kept = Directory.GetDirectories(_dir, "out.new-*").Single();
        Assert.EndsWith($"the new output is in '{kept}'", e.Message);
        Assert.Equal("new", File.ReadAllText(Path.Combine(kept, "series.csv")));
        Assert.Equal("old", File.ReadAllText(Path.Combine(dest, "series.csv")));
        Assert.Equal("added while the run went on", File.ReadAllText(Path.Combine(dest, "notes.txt")));
        // The next run into the same place leaves the kept output alone (it is no partial folder).
        Assert.Throws<OutputFolderException>(() => OutputFolder.Take(dest, []));
        Assert.True(Directory.Exists(kept));
    }

    [Fact]
    public void An_earlier_output_is_replaced_whole_and_no_old_or_partial_folder_remains()
    {
        var dest = Path.Combine(_dir, "out");
        EarlierOutput(dest);
        using (var folder = OutputFolder.Take(dest, []))
        {
            File.WriteAllText(folder.PathOf("quantiles.csv"), "q");
            folder.Commit();
        }
        Assert.Equal(["quantiles.csv"], Directory.GetFiles(dest).Select(Path.GetFileName));
        Assert.Equal([".out.lock", "out"], Directory.GetFileSystemEntries(_dir).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Abandoning_removes_every_uncommitted_folder_and_frees_the_destination()
    {
        var a = OutputFolder.Take(Path.Combine(_dir, "a"), []);
        var b = OutputFolder.Take(Path.Combine(_dir, "new-parent", "b"), []);
        File.WriteAllText(a.PathOf("series.csv"), "half");
        OutputFolder.AbandonAll();
        Assert.False(Directory.Exists(a.Temporary));
        Assert.False(Directory.Exists(b.Temporary));
        // The parent this run made is gone with it; the destination can be taken again.
        Assert.False(Directory.Exists(Path.Combine(_dir, "new-parent")));
        using var again = OutputFolder.Take(Path.Combine(_dir, "a"), []);
        Assert.Throws<OperationCanceledException>(a.Commit);
    }
}
