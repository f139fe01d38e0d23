using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using AiRaceSim.Model.Policy;

namespace AiRaceSim.Model.State;

/// <summary>
/// A checkpoint of an actor's state as bytes, and its restoration into an actor freshly built from
/// the same scenario and members. What is state is found by walking the objects, so a field added
/// to a state class is saved without a second list to keep: every field of the kernel's state
/// classes (namespaces State, Simulation and Gaps, and <see cref="RuleState"/>), their arrays
/// (primitives as raw bytes, arrays of arrays element by element) and their value fields. The
/// scenario's inputs (parameters, specs, draws, strings) are not state: the fresh actor rebuilds
/// them from the scenario, which is why an image restores only into an actor of the same run and block.
/// </summary>
public static class StateImage
{
    private const byte Null = 0, Raw = 1, Elements = 2, Object = 3;
    private static readonly ConcurrentDictionary<Type, FieldInfo[]> Fields = new();
    private static readonly ConcurrentDictionary<Type, Func<Array, byte[]>> ToBytes = new();
    private static readonly ConcurrentDictionary<Type, Action<byte[], Array>> FromBytes = new();
    private static readonly string[] StateNamespaces = ["AiRaceSim.Model.State", "AiRaceSim.Model.Simulation", "AiRaceSim.Model.Gaps"];

    /// <summary>
    /// A build's images restore only into the same build: the layout is the fields' order, and another build may have others.
    /// </summary>
    public static readonly Guid Build = typeof(StateImage).Assembly.ManifestModule.ModuleVersionId;

    /// <summary>The state reachable from <paramref name="roots"/>, in field order.</summary>
    public static byte[] Save(params object[] roots)
    {
        using var stream = new MemoryStream();
        using (var w = new BinaryWriter(stream))
        {
            w.Write(Build.ToByteArray());
            foreach (var root in roots) WriteValue(w, root);
        }
        return stream.ToArray();
    }

    /// <summary>Writes an image of <see cref="Save"/> back into actors built like the ones saved.</summary>
    /// <exception cref="InvalidDataException">The image is of another build or another shape of state.</exception>
    public static void Restore(byte[] image, params object[] roots)
    {
        using var r = new BinaryReader(new MemoryStream(image, writable: false));
        try
        {
            if (new Guid(r.ReadBytes(16)) != Build)
                throw new InvalidDataException("the checkpoint was written by another build of airace; run the scenario again from its start");
            for (int i = 0; i < roots.Length; i++)
            {
                var value = ReadValue(r, roots[i], roots[i].GetType());
                if (!ReferenceEquals(value, roots[i])) throw new InvalidDataException($"checkpoint part {i} does not fit its actor");
            }
            if (r.BaseStream.Position != image.Length) throw new InvalidDataException("the checkpoint holds more than its actors");
        }
        catch (EndOfStreamException)
        {
            throw new InvalidDataException("the checkpoint is cut short");
        }
    }

    private static bool IsState(Type t) => t == typeof(RuleState) || (StateNamespaces.Contains(t.Namespace) && !t.IsEnum);

    private static readonly ConcurrentDictionary<Type, bool> Unmanaged = new();
    private static readonly ConcurrentDictionary<Type, int> Sizes = new();

    private static bool IsUnmanaged(Type t) => t.IsValueType && Unmanaged.GetOrAdd(t, x => !(bool)typeof(RuntimeHelpers)
        .GetMethod(nameof(RuntimeHelpers.IsReferenceOrContainsReferences))!.MakeGenericMethod(x).Invoke(null, null)!);

    /// <summary>Whether a value of this (runtime) type is saved: state objects, value types without references and arrays of either.</summary>
    private static bool Saved(Type t) =>
        t.IsArray ? Saved(t.GetElementType()!) : IsUnmanaged(t) || (IsState(t) && t.IsClass);

    private static FieldInfo[] FieldsOf(Type t) => Fields.GetOrAdd(t, type =>
    {
        var all = new List<FieldInfo>();
        for (var x = type; x is not null && x != typeof(object); x = x.BaseType)
            all.InsertRange(0, x.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
                .OrderBy(f => f.MetadataToken));
        // A field typed as object or an interface may hold state; one whose declared type cannot is left out here, as is scratch.
        return all.Where(f => !f.IsDefined(typeof(NotStateAttribute)) && (f.FieldType.IsInterface || f.FieldType == typeof(object) || Saved(f.FieldType))).ToArray();
    });

    private static void WriteValue(BinaryWriter w, object? value)
    {
        if (value is null || !Saved(value.GetType())) { w.Write(Null); return; }
        var type = value.GetType();
        if (value is Array array)
        {
            var element = type.GetElementType()!;
            if (IsUnmanaged(element))
            {
                w.Write(Raw);
                w.Write(array.Length);
                w.Write(BytesOf(element, array));
                return;
            }
            w.Write(Elements);
            w.Write(array.Length);
            foreach (var item in array) WriteValue(w, item);
            return;
        }
        if (type.IsValueType)
        {
            w.Write(Raw);
            w.Write(1);
            var boxed = Array.CreateInstance(type, 1);
            boxed.SetValue(value, 0);
            w.Write(BytesOf(type, boxed));
            return;
        }
        w.Write(Object);
        foreach (var field in FieldsOf(type)) WriteValue(w, field.GetValue(value));
    }

    /// <summary>Reads a value into <paramref name="existing"/> where it fits (so arrays shared between actors stay shared), else a new one.</summary>
    private static object? ReadValue(BinaryReader r, object? existing, Type declared)
    {
        switch (r.ReadByte())
        {
            case Null:
                // Not saved: either null, or of a type that is not state (kept as built).
                return existing is not null && !Saved(existing.GetType()) ? existing : null;
            case Raw:
            {
                int length = r.ReadInt32();
                var type = existing?.GetType() ?? declared;
                if (type.IsArray)
                {
                    var element = type.GetElementType()!;
                    var array = existing is Array a && a.Length == length ? a : Array.CreateInstance(element, length);
                    Fill(element, r.ReadBytes(length * SizeOf(element)), array);
                    return array;
                }
                if (length != 1 || !type.IsValueType) throw new InvalidDataException($"a checkpoint value does not fit {type.Name}");
                var one = Array.CreateInstance(type, 1);
                Fill(type, r.ReadBytes(SizeOf(type)), one);
                return one.GetValue(0);
            }
            case Elements:
            {
                int length = r.ReadInt32();
                var type = existing?.GetType() ?? declared;
                if (!type.IsArray) throw new InvalidDataException($"a checkpoint array does not fit {type.Name}");
                var element = type.GetElementType()!;
                var array = existing is Array a && a.Length == length ? a : Array.CreateInstance(element, length);
                for (int i = 0; i < length; i++) array.SetValue(ReadValue(r, array.GetValue(i), element), i);
                return array;
            }
            case Object:
            {
                if (existing is null) throw new InvalidDataException($"the checkpoint holds a {declared.Name} that the actor does not have");
                foreach (var field in FieldsOf(existing.GetType()))
                {
                    var current = field.GetValue(existing);
                    var read = ReadValue(r, current, field.FieldType);
                    if (ReferenceEquals(read, current) || (read is not null && read.Equals(current))) continue;
                    // What the constructor fixed (counts, indices) is the same in the actor saved: else it is another actor.
                    if (field.IsInitOnly && field.FieldType.IsValueType)
                        throw new InvalidDataException(
                            $"the checkpoint does not fit: its {existing.GetType().Name}.{field.Name} is {read}, this run's {current}");
                    field.SetValue(existing, read);
                }
                return existing;
            }
            default:
                throw new InvalidDataException("the checkpoint is damaged");
        }
    }

    private static int SizeOf(Type t) => Sizes.GetOrAdd(t, x => (int)typeof(Unsafe).GetMethod(nameof(Unsafe.SizeOf))!.MakeGenericMethod(x).Invoke(null, null)!);

    private static byte[] BytesOf(Type element, Array array) => ToBytes.GetOrAdd(element, e =>
        (Func<Array, byte[]>)typeof(StateImage).GetMethod(nameof(AsBytes), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(e).CreateDelegate(typeof(Func<Array, byte[]>)))(array);

    private static void Fill(Type element, byte[] bytes, Array into) => FromBytes.GetOrAdd(element, e =>
        (Action<byte[], Array>)typeof(StateImage).GetMethod(nameof(CopyInto), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(e).CreateDelegate(typeof(Action<byte[], Array>)))(bytes, into);

    private static byte[] AsBytes<T>(Array array) where T : unmanaged => MemoryMarshal.AsBytes(((T[])array).AsSpan()).ToArray();

    private static void CopyInto<T>(byte[] bytes, Array into) where T : unmanaged
    {
        var target = MemoryMarshal.AsBytes(((T[])into).AsSpan());
        if (bytes.Length != target.Length) throw new EndOfStreamException();
        bytes.CopyTo(target);
    }
}

/// <summary>
/// A field of a state class that a checkpoint leaves out: scratch written before it is read within a month, or a cache
/// the actor fills again after a restore with the same values.
/// </summary>
[AttributeUsage(AttributeTargets.Field)]
public sealed class NotStateAttribute : Attribute;
