using System.Runtime.InteropServices;
using Aya.Bpf.Runtime.Native;

namespace Aya.Bpf.Runtime;

/// <summary>Attaching a loaded program to its hook; each attachment lasts until its link is disposed.</summary>
public sealed unsafe partial class BpfProgram
{
    /// <summary>Attaches the program where its section says (e.g. <c>tracepoint/syscalls/sys_enter_getppid</c>, <c>raw_tp/sys_enter</c>).</summary>
    public BpfLink Attach() =>
        AttachWith(() => Libbpf.ProgramAttach(_program), "as its section says");

    public BpfLink AttachTracepoint(string category, string name) =>
        AttachWith(() => Libbpf.ProgramAttachTracepoint(_program, category, name), $"to tracepoint {category}/{name}");

    public BpfLink AttachRawTracepoint(string name) =>
        AttachWith(() => Libbpf.ProgramAttachRawTracepoint(_program, name), $"to raw tracepoint {name}");

    /// <summary>Attaches an XDP program to the interface of index <paramref name="interfaceIndex"/> (the kernel picks native or generic mode).</summary>
    public BpfLink AttachXdp(int interfaceIndex) =>
        AttachWith(() => Libbpf.ProgramAttachXdp(_program, interfaceIndex), $"to XDP of interface {interfaceIndex}");

    /// <summary>Attaches an XDP program to the interface named <paramref name="interfaceName"/> (e.g. <c>lo</c>).</summary>
    public BpfLink AttachXdp(string interfaceName) => AttachXdp(InterfaceIndex(interfaceName));

    /// <summary>
    /// Attaches a TC classifier to <paramref name="direction"/> of the interface, creating its
    /// clsact qdisc when it has none; disposing the result removes the filter (and that qdisc).
    /// </summary>
    public BpfTcAttachment AttachTc(int interfaceIndex, BpfTcDirection direction)
    {
        _owner.EnsureLoaded($"attaching program '{Name}'");
        return BpfTcAttachment.Attach(this, Libbpf.ProgramFd(_program), interfaceIndex, direction);
    }

    public BpfTcAttachment AttachTc(string interfaceName, BpfTcDirection direction) => AttachTc(InterfaceIndex(interfaceName), direction);

    /// <summary>
    /// Attaches a uprobe (or, with <paramref name="retprobe"/>, a uretprobe) to <paramref name="symbol"/>
    /// of the ELF file <paramref name="binaryPath"/>, in the process <paramref name="processId"/> (-1: every process).
    /// </summary>
    public BpfLink AttachUprobe(string binaryPath, string symbol, bool retprobe = false, int processId = -1)
    {
        var name = Marshal.StringToCoTaskMemUTF8(symbol);
        try
        {
            var options = new Libbpf.UprobeOptions { Size = (nuint)sizeof(Libbpf.UprobeOptions), Retprobe = retprobe ? (byte)1 : (byte)0, FunctionName = (byte*)name };
            var optionsAt = &options;
            return AttachWith(() => Libbpf.ProgramAttachUprobe(_program, processId, binaryPath, 0, optionsAt), $"to {ProbeKind(retprobe, "uprobe")} {binaryPath}:{symbol}");
        }
        finally
        {
            Marshal.FreeCoTaskMem(name);
        }
    }

    /// <summary>As <see cref="AttachUprobe(string, string, bool, int)"/>, at <paramref name="offset"/> bytes into the file.</summary>
    public BpfLink AttachUprobe(string binaryPath, long offset, bool retprobe = false, int processId = -1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        var options = new Libbpf.UprobeOptions { Size = (nuint)sizeof(Libbpf.UprobeOptions), Retprobe = retprobe ? (byte)1 : (byte)0 };
        var optionsAt = &options;
        return AttachWith(() => Libbpf.ProgramAttachUprobe(_program, processId, binaryPath, (nuint)offset, optionsAt), $"to {ProbeKind(retprobe, "uprobe")} {binaryPath}+0x{offset:x}");
    }

    /// <summary>Attaches a kprobe (or kretprobe) to the kernel function <paramref name="function"/>.</summary>
    public BpfLink AttachKprobe(string function, bool retprobe = false)
    {
        try
        {
            return AttachWith(() => Libbpf.ProgramAttachKprobe(_program, retprobe, function), $"to {ProbeKind(retprobe, "kprobe")} {function}");
        }
        catch (BpfException e) when (!KernelProbes.Supported)
        {
            throw new BpfException($"{e.Message.Split(Environment.NewLine)[0]}: {KernelProbes.Missing}", e.ErrorCode, e.Log);
        }
    }

    private BpfLink AttachWith(Func<nint> attach, string where)
    {
        _owner.EnsureLoaded($"attaching program '{Name}'");
        var link = new BpfLinkHandle();
        var (errorCode, log) = BpfObject.Call(() =>
        {
            Marshal.InitHandle(link, attach());
            return link.IsInvalid ? Marshal.GetLastPInvokeError() : 0;
        });
        var description = $"program '{Name}' {where}";
        if (link.IsInvalid)
            throw new BpfException($"cannot attach {description}: {Errno.Describe(errorCode)}", errorCode, log);
        return new BpfLink(link, description);
    }

    private static string ProbeKind(bool retprobe, string probe) => retprobe ? probe.Replace("probe", "retprobe", StringComparison.Ordinal) : probe;

    private static int InterfaceIndex(string interfaceName)
    {
        var index = Libbpf.InterfaceIndex(interfaceName);
        return index != 0 ? (int)index : throw new ArgumentException($"there is no network interface '{interfaceName}': {Errno.Describe(Marshal.GetLastPInvokeError())}", nameof(interfaceName));
    }
}
