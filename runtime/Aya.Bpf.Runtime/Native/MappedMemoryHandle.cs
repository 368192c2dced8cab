using System.Runtime.InteropServices;

namespace Aya.Bpf.Runtime.Native;

/// <summary>A mapping of a map's memory (mmap of its fd); releasing it unmaps it.</summary>
internal sealed class MappedMemoryHandle : SafeHandle
{
    private MappedMemoryHandle(nint address, nuint length)
        : base(Libbpf.MapFailed, ownsHandle: true)
    {
        SetHandle(address);
        Length = length;
    }

    public nuint Length { get; }

    public override bool IsInvalid => handle == Libbpf.MapFailed || handle == 0;

    /// <summary>Maps <paramref name="length"/> bytes of the map behind <paramref name="fd"/>; null with the errno when the kernel refuses.</summary>
    public static MappedMemoryHandle? Map(int fd, nuint length, bool writable, out int errorCode, nint offset = 0)
    {
        var protection = Libbpf.ProtRead | (writable ? Libbpf.ProtWrite : 0);
        var address = Libbpf.MemoryMap(0, length, protection, Libbpf.MapShared, fd, offset);
        errorCode = address == Libbpf.MapFailed ? Marshal.GetLastPInvokeError() : 0;
        return address == Libbpf.MapFailed ? null : new MappedMemoryHandle(address, length);
    }

    protected override bool ReleaseHandle() => Libbpf.MemoryUnmap(handle, Length) == 0;
}
