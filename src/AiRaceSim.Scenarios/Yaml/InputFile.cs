using System.Runtime.InteropServices;

namespace AiRaceSim.Scenarios.Yaml;

/// <summary>
/// Reads an input file only when it is a regular file of at most <see cref="Limits.FileBytes"/>:
/// a FIFO would block for ever, a device (/dev/zero) never ends, and a folder or socket is no
/// scenario. The kind is asked of the file system before the file is opened.
/// </summary>
public static class InputFile
{
    /// <summary>The file's bytes, or why it cannot be read (a phrase such as "it is a folder, not a file").</summary>
    public static (byte[]? Bytes, string? Problem) Read(string path)
    {
        if (KindProblem(path) is { } problem) return (null, problem);
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            // Read at most one byte past the limit: a file that grows, or a /proc file of size 0, stays bounded.
            var buffer = new byte[Math.Min(Limits.FileBytes + 1, Math.Max(stream.CanSeek ? stream.Length + 1 : 0, 1 << 16))];
            int total = 0, read;
            while ((read = stream.Read(buffer, total, buffer.Length - total)) > 0)
            {
                total += read;
                if (total > Limits.FileBytes) return (null, TooLarge);
                if (total == buffer.Length) Array.Resize(ref buffer, (int)Math.Min(Limits.FileBytes + 1, 2L * buffer.Length));
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

    private static readonly string TooLarge =
        $"it is larger than {Limits.FileBytes / (1024 * 1024)} MiB, the largest scenario file read; is this the right file?";

    private static string? KindProblem(string path)
    {
        if (!OperatingSystem.IsLinux())
            return Directory.Exists(path) ? "it is a folder, not a file" : null;
        var buffer = new byte[256];
        if (Statx(AtFdCwd, path, 0, StatxType | StatxSize, buffer) != 0)
        {
            return Marshal.GetLastPInvokeError() switch
            {
                2 => "no such file",
                20 => "no such folder",
                13 => "permission denied",
                36 => "the path is too long",
                40 => "too many levels of symbolic links (a symlink loop?)",
                int errno => $"cannot look at the file (error {errno})",
            };
        }
        int type = BitConverter.ToUInt16(buffer, ModeOffset) & 0xF000;
        long size = (long)BitConverter.ToUInt64(buffer, SizeOffset);
        return type switch
        {
            0x8000 when size > Limits.FileBytes => TooLarge,
            0x8000 => null,
            0x4000 => "it is a folder, not a file",
            0x1000 => "it is a named pipe (FIFO), not a regular file",
            0x2000 => "it is a character device (such as /dev/zero), not a regular file",
            0x6000 => "it is a block device, not a regular file",
            0xC000 => "it is a socket, not a regular file",
            _ => "it is not a regular file",
        };
    }

    // statx(2) has one layout on every Linux architecture, unlike stat(2).
    private const int AtFdCwd = -100;
    private const uint StatxType = 0x1, StatxSize = 0x200;
    private const int ModeOffset = 28, SizeOffset = 40;

    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static extern int Statx(int dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, byte[] buffer);
}
