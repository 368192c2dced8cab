using System.Runtime.CompilerServices;
using Aya.Bpf.Runtime.Native;

namespace Aya.Bpf.Runtime;

/// <summary>
/// A global data section of a <see cref="BpfObject"/> (<c>.rodata</c>, <c>.data</c>, <c>.bss</c> and
/// their named kin), read and written by byte offset. Before load the values are the ones the kernel
/// will get; after load they are the program's own memory (the map mapped into this process), except
/// that a read-only section (<c>.rodata</c>) is frozen at load and may then only be read.
/// </summary>
public sealed unsafe class BpfGlobalSection : IDisposable
{
    private readonly BpfObject _owner;
    private readonly nint _map;
    private readonly Lock _mapping = new();
    private MappedMemoryHandle? _mapped;

    private BpfGlobalSection(BpfObject owner, nint map, string name)
    {
        _owner = owner;
        _map = map;
        Name = name;
    }

    /// <summary>The section named <paramref name="name"/> (e.g. ".rodata") of the open object.</summary>
    public static BpfGlobalSection Of(BpfObject bpfObject, string name)
    {
        ArgumentNullException.ThrowIfNull(bpfObject);
        var map = Libbpf.FindMapByName(bpfObject.Raw, name);
        return map == 0 ? throw new BpfNotFoundException($"the object has no global data section '{name}'") : new BpfGlobalSection(bpfObject, map, name);
    }

    public string Name { get; }

    /// <summary>The section's size in bytes.</summary>
    public int Size => (int)Libbpf.MapValueSize(Live);

    /// <summary>True for a section the kernel freezes at load: it can be written only before <see cref="BpfObject.Load"/>.</summary>
    public bool IsReadOnlyOnceLoaded => Name.StartsWith(".rodata", StringComparison.Ordinal) || Name == ".kconfig";

    public T Read<T>(int offset)
        where T : unmanaged => Unsafe.ReadUnaligned<T>(At<T>(offset, forWrite: false));

    public void Write<T>(int offset, T value)
        where T : unmanaged => Unsafe.WriteUnaligned(At<T>(offset, forWrite: true), value);

    /// <summary>Unmaps the loaded section from this process (the object keeps its own).</summary>
    public void Dispose() => _mapped?.Dispose();

    private nint Live
    {
        get
        {
            _ = _owner.Raw;
            return _map;
        }
    }

    private byte* At<T>(int offset, bool forWrite)
        where T : unmanaged
    {
        var size = Size;
        if (offset < 0 || offset > size - sizeof(T))
            throw new ArgumentOutOfRangeException(nameof(offset), $"section '{Name}' is {size} bytes; {sizeof(T)} bytes at offset {offset} do not fit in it.");
        return Memory(forWrite) + offset;
    }

    private byte* Memory(bool forWrite)
    {
        if (!_owner.IsLoaded)
        {
            // libbpf's copy, which it hands the kernel at load.
            var initial = Libbpf.MapInitialValue(Live, out _);
            return initial != null ? initial : throw new BpfException($"libbpf holds no initial value for section '{Name}'");
        }
        if (forWrite && IsReadOnlyOnceLoaded)
            throw new InvalidOperationException($"section '{Name}' is read-only once the object is loaded: set its values before Load.");
        return (byte*)Mapped().DangerousGetHandle();
    }

    private MappedMemoryHandle Mapped()
    {
        lock (_mapping)
        {
            if (_mapped is { IsClosed: false } mapped)
                return mapped;
            ObjectDisposedException.ThrowIf(_mapped is { IsClosed: true }, this);
            if ((Libbpf.MapFlags(Live) & Libbpf.MapFlagMmapable) == 0)
                throw new NotSupportedException($"section '{Name}' cannot be mapped into memory on this kernel (its map lacks BPF_F_MMAPABLE).");
            var length = (nuint)((Size + Libbpf.PageSize - 1) / Libbpf.PageSize * Libbpf.PageSize);
            var fd = Libbpf.MapFd(_map);
            return _mapped = MappedMemoryHandle.Map(fd, length, writable: !IsReadOnlyOnceLoaded, out var errorCode)
                ?? throw new BpfException($"cannot map section '{Name}' into memory: {Errno.Describe(errorCode)}", errorCode, "");
        }
    }
}
