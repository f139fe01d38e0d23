namespace AiRaceSim.Scenarios.Yaml;

/// <summary>
/// Reads an input file only when it is a regular file of at most <see cref="Limits.FileBytes"/>:
/// a FIFO would block for ever, a device (/dev/zero) never ends, and a folder or socket is no
/// scenario. The kind is asked of the file system before the file is opened.
/// </summary>
public static class InputFile
{
    /// <summary>The file's bytes, or why it cannot be read (a phrase such as "it is a folder, not a file").</summary>
    public static (byte[]? Bytes, string? Problem) Read(string path, long limit = Limits.FileBytes)
    {
        var status = FileStatus.Of(path);
        if ((status.NotRegular() ?? (status.Size > limit ? TooLarge(limit) : null)) is { } problem) return (null, problem);
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            // Read at most one byte past the limit: a file that grows, or a /proc file of size 0, stays bounded.
            var buffer = new byte[Math.Min(limit + 1, Math.Max(stream.CanSeek ? stream.Length + 1 : 0, 1 << 16))];
            int total = 0, read;
            while ((read = stream.Read(buffer, total, buffer.Length - total)) > 0)
            {
                total += read;
                if (total > limit) return (null, TooLarge(limit));
                if (total == buffer.Length) Array.Resize(ref buffer, (int)Math.Min(limit + 1, 2L * buffer.Length));
            }
            return (buffer.AsSpan(0, total).ToArray(), null);
        }
        catch (FileNotFoundException) { return (null, "no such file"); }
        catch (DirectoryNotFoundException) { return (null, "no such folder"); }
        catch (UnauthorizedAccessException) { return (null, "permission denied"); }
        catch (PathTooLongException) { return (null, "the path is too long"); }
        catch (ArgumentException) { return (null, "not a valid path"); }
        catch (IOException e) { return (null, $"input/output error ({e.Message.TrimEnd('.')})"); }
    }

    private static string TooLarge(long limit) =>
        $"it is larger than {limit / (1024 * 1024)} MiB, the largest {(limit == Limits.FileBytes ? "scenario " : "")}file read; is this the right file?";
}
