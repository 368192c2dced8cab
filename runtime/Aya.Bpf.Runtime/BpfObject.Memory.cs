using System.Reflection;
using System.Runtime.InteropServices;
using Aya.Bpf.Runtime.Native;

namespace Aya.Bpf.Runtime;

/// <summary>
/// Opening an object from bytes: a stream, an array, or a resource embedded in an assembly (as a
/// .NET project that references a .bpfproj with OutputItemType="EmbeddedResource" has it).
/// libbpf reads the bytes until the object is closed, so they are copied to native memory that
/// the object owns and frees after closing.
/// </summary>
public sealed partial class BpfObject
{
    /// <summary>Opens the object whose ELF bytes are <paramref name="objectFile"/>; <paramref name="name"/> names it in libbpf's log and in messages.</summary>
    public static unsafe BpfObject Open(ReadOnlySpan<byte> objectFile, string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var size = (nuint)objectFile.Length;
        var buffer = NativeMemory.Alloc(Math.Max(size, 1));
        objectFile.CopyTo(new Span<byte>(buffer, objectFile.Length));
        var owned = new BpfObjectHandle();
        var objectName = Marshal.StringToCoTaskMemUTF8(name);
        try
        {
            var options = new Libbpf.OpenOptions { Size = (nuint)sizeof(Libbpf.OpenOptions), ObjectName = (byte*)objectName };
            var optionsAt = &options;
            var ((handle, errorCode), log) = Call(() =>
            {
                var opened = Libbpf.ObjectOpenMemory(buffer, size, optionsAt);
                return (opened, opened == 0 ? Marshal.GetLastPInvokeError() : 0);
            });
            Marshal.InitHandle(owned, handle);
            if (owned.IsInvalid)
                throw new BpfException($"libbpf cannot open {name} ({objectFile.Length} bytes): {Errno.Describe(errorCode)}", errorCode, log);
            owned.ObjectBuffer = buffer;
            buffer = null;
            return new BpfObject(owned, name);
        }
        finally
        {
            Marshal.FreeCoTaskMem(objectName);
            NativeMemory.Free(buffer);
        }
    }

    /// <inheritdoc cref="Open(ReadOnlySpan{byte}, string)"/>
    public static BpfObject Open(byte[] objectFile, string name)
    {
        ArgumentNullException.ThrowIfNull(objectFile);
        return Open(objectFile.AsSpan(), name);
    }

    /// <summary>Opens the object read from <paramref name="stream"/> (to its end).</summary>
    public static BpfObject Open(Stream stream, string name)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return Open(bytes.GetBuffer().AsSpan(0, (int)bytes.Length), name);
    }

    /// <summary>Opens the object embedded in <paramref name="assembly"/> as the manifest resource <paramref name="resourceName"/> (e.g. "xdp-pass.bpf.o").</summary>
    public static BpfObject OpenResource(Assembly assembly, string resourceName)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        using var stream = assembly.GetManifestResourceStream(resourceName)
            ?? throw new BpfNotFoundException($"{assembly.GetName().Name} has no resource '{resourceName}'; it has: {string.Join(", ", assembly.GetManifestResourceNames())}");
        return Open(stream, resourceName);
    }
}
