using System.Runtime.InteropServices;

namespace AiRaceSim.Scenarios.Yaml;

/// <summary>What kind of entry a path names.</summary>
public enum FileKind { Missing, Regular, Directory, Fifo, CharacterDevice, BlockDevice, Socket, SymbolicLink, Other }

/// <summary>
/// The file system's answer about a path, asked without opening it (opening a FIFO blocks, and
/// reading a device never ends): its kind, size and device. statx(2) on Linux, whose layout is
/// the same on every architecture; elsewhere what .NET can tell.
/// </summary>
public readonly record struct FileStatus(FileKind Kind, long Size, ulong Device, int Errno)
{
    public static FileStatus Of(string path, bool followLinks = true)
    {
        if (!OperatingSystem.IsLinux())
        {
            if (Directory.Exists(path)) return new(FileKind.Directory, 0, 0, 0);
            return File.Exists(path) ? new(FileKind.Regular, new FileInfo(path).Length, 0, 0) : new(FileKind.Missing, 0, 0, 2);
        }
        var buffer = new byte[256];
        if (Statx(AtFdCwd, path, followLinks ? 0 : AtSymlinkNoFollow, StatxType | StatxSize, buffer) != 0)
            return new(FileKind.Missing, 0, 0, Marshal.GetLastPInvokeError());
        var kind = (BitConverter.ToUInt16(buffer, 28) & 0xF000) switch
        {
            0x8000 => FileKind.Regular,
            0x4000 => FileKind.Directory,
            0x1000 => FileKind.Fifo,
            0x2000 => FileKind.CharacterDevice,
            0x6000 => FileKind.BlockDevice,
            0xC000 => FileKind.Socket,
            0xA000 => FileKind.SymbolicLink,
            _ => FileKind.Other,
        };
        ulong device = ((ulong)BitConverter.ToUInt32(buffer, 136) << 32) | BitConverter.ToUInt32(buffer, 140);
        return new(kind, (long)BitConverter.ToUInt64(buffer, 40), device, 0);
    }

    /// <summary>Why a path that is not a regular file cannot be read as one, or null for a regular file.</summary>
    public string? NotRegular() => Kind switch
    {
        FileKind.Regular => null,
        FileKind.Missing => Errno switch
        {
            2 => "no such file",
            20 => "no such folder",
            13 => "permission denied",
            36 => "the path is too long",
            40 => "too many levels of symbolic links (a symlink loop?)",
            _ => $"cannot look at the file (error {Errno})",
        },
        FileKind.Directory => "it is a folder, not a file",
        FileKind.Fifo => "it is a named pipe (FIFO), not a regular file",
        FileKind.CharacterDevice => "it is a character device (such as /dev/zero), not a regular file",
        FileKind.BlockDevice => "it is a block device, not a regular file",
        FileKind.Socket => "it is a socket, not a regular file",
        _ => "it is not a regular file",
    };

    private const int AtFdCwd = -100, AtSymlinkNoFollow = 0x100;
    private const uint StatxType = 0x1, StatxSize = 0x200;

    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static extern int Statx(int dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, byte[] buffer);
}
