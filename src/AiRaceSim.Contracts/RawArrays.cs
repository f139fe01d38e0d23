using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace AiRaceSim.Contracts;

/// <summary>
/// Per-member arrays as raw bytes for the wire: Orleans writes a <c>double[]</c> element by element (a field header and
/// 8 bytes each, about 15× the time of a <c>byte[]</c> of the same data; ORLEANS-NOTES.md), a <c>byte[]</c> as one block.
/// Little-endian machines only, as .NET on x64 and arm64 is.
/// </summary>
public static class RawArrays
{
    public static byte[] Bytes<T>(T[] values) where T : unmanaged => MemoryMarshal.AsBytes(values.AsSpan()).ToArray();

    public static T[] Values<T>(byte[] bytes) where T : unmanaged =>
        bytes.Length % Unsafe.SizeOf<T>() == 0
            ? MemoryMarshal.Cast<byte, T>(bytes).ToArray()
            : throw new InvalidDataException($"{bytes.Length} bytes are no whole number of {typeof(T).Name} values");

    public static byte[]? NullableBytes<T>(T[]? values) where T : unmanaged => values is null ? null : Bytes(values);

    public static T[]? NullableValues<T>(byte[]? bytes) where T : unmanaged => bytes is null ? null : Values<T>(bytes);

    /// <summary>An array of per-member arrays (per firm, per pair), each as its own block.</summary>
    public static byte[][] Rows<T>(T[][] rows) where T : unmanaged => rows.Select(Bytes).ToArray();

    public static T[][] Rows<T>(byte[][] rows) where T : unmanaged => rows.Select(Values<T>).ToArray();
}
