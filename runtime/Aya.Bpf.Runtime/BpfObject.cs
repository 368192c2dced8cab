using System.Runtime.InteropServices;
using Aya.Bpf.Runtime.Native;

namespace Aya.Bpf.Runtime;

/// <summary>
/// A BPF ELF object opened through libbpf: its programs and maps can be looked up by name once it
/// is open, and used once it is loaded into the kernel. Disposing it unloads what is not pinned.
/// </summary>
public sealed partial class BpfObject : IDisposable
{
    private readonly BpfObjectHandle _handle;
    private readonly string _path;

    private BpfObject(BpfObjectHandle handle, string path)
    {
        _handle = handle;
        _path = path;
    }

    public bool IsLoaded { get; private set; }

    /// <summary>Opens the object file (parses it; nothing reaches the kernel before <see cref="Load"/>).</summary>
    public static BpfObject Open(string path)
    {
        var fullPath = Path.GetFullPath(path);
        var ((handle, errorCode), log) = Call(() =>
        {
            var opened = Libbpf.ObjectOpenFile(fullPath, 0);
            return (opened, opened == 0 ? Marshal.GetLastPInvokeError() : 0);
        });
        var owned = new BpfObjectHandle();
        Marshal.InitHandle(owned, handle);
        if (owned.IsInvalid)
            throw new BpfException($"libbpf cannot open {fullPath}: {Errno.Describe(errorCode)}", errorCode, log);
        return new BpfObject(owned, fullPath);
    }

    /// <summary>Loads the object's maps and programs into the kernel; a refused program throws with the verifier's log.</summary>
    public void Load()
    {
        var (result, log) = Call(() => Libbpf.ObjectLoad(Raw));
        if (result < 0)
            throw new BpfException($"the kernel refused {Path.GetFileName(_path)}: {Errno.Describe(-result)}", -result, log);
        IsLoaded = true;
    }

    public BpfMap Map(string name)
    {
        var map = Libbpf.FindMapByName(Raw, name);
        return map == 0 ? throw new BpfNotFoundException($"{Path.GetFileName(_path)} has no map '{name}'") : new BpfMap(this, map, name);
    }

    public BpfProgram Program(string name)
    {
        var program = Libbpf.FindProgramByName(Raw, name);
        return program == 0 ? throw new BpfNotFoundException($"{Path.GetFileName(_path)} has no program '{name}'") : new BpfProgram(this, program, name);
    }

    public void Dispose() => _handle.Dispose();

    /// <summary>The object's pointer, for calls on it; throws once it is disposed.</summary>
    internal nint Raw
    {
        get
        {
            ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
            return _handle.DangerousGetHandle();
        }
    }

    internal void EnsureLoaded(string what)
    {
        _ = Raw;
        if (!IsLoaded)
            throw new InvalidOperationException($"{what} needs the object loaded first (BpfObject.Load).");
    }

    /// <summary>Runs a libbpf call with its log captured; a system without libbpf 1.x gets a clear exception.</summary>
    internal static (T Result, string Log) Call<T>(Func<T> call)
    {
        try
        {
            return LibbpfLog.Capture(call);
        }
        catch (DllNotFoundException e)
        {
            throw new LibbpfMissingException(Libbpf.Missing(e), e);
        }
        catch (EntryPointNotFoundException e)
        {
            throw new LibbpfMissingException(Libbpf.TooOld(e), e);
        }
    }
}
