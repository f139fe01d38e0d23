using System.Buffers.Binary;
using System.Text;

namespace AiRaceSim.Output;

/// <summary>
/// A text output written in slices that a resumed run goes on writing: its checkpoint is the length written by a
/// slice boundary, and a resumed writer cuts the file back to that length and appends (what the interrupted run
/// wrote after the boundary is written again, the same bytes).
/// </summary>
internal static class ResumableText
{
    public static StreamWriter Open(string path, byte[]? resume, string header)
    {
        if (resume is null)
        {
            var created = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
            created.WriteLine(header);
            return created;
        }
        long length = LengthOf(resume);
        var file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
        try
        {
            if (file.Length < length)
                throw new InvalidDataException($"{Path.GetFileName(path)} is shorter ({file.Length} bytes) than its checkpoint says ({length})");
            file.SetLength(length);
            file.Seek(0, SeekOrigin.End);
            return new StreamWriter(file, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>The length written so far, on the disk (not only in the system's cache) before the checkpoint names it.</summary>
    public static async ValueTask<byte[]> CheckpointAsync(StreamWriter writer, CancellationToken cancellation)
    {
        await writer.FlushAsync(cancellation);
        ((FileStream)writer.BaseStream).Flush(flushToDisk: true);
        return Length(writer.BaseStream.Length);
    }

    public static byte[] Length(long length)
    {
        var bytes = new byte[sizeof(long)];
        BinaryPrimitives.WriteInt64LittleEndian(bytes, length);
        return bytes;
    }

    public static long LengthOf(byte[] state) => state.Length == sizeof(long) ? BinaryPrimitives.ReadInt64LittleEndian(state)
        : throw new InvalidDataException("a writer's checkpoint is damaged");
}
