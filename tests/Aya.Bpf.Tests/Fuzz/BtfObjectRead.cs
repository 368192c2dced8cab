using Aya.Bpf.Linker.Btf;
using Aya.Bpf.Linker.DebugInfo;
using Aya.Bpf.Linker.Diagnostics;
using Aya.Bpf.Tests.Inputs;

namespace Aya.Bpf.Tests.Fuzz;

/// <summary>
/// Checks BTF as the link checks the object it emits: the blobs go into an ELF object's <c>.BTF</c> and
/// <c>.BTF.ext</c>, which <see cref="BtfObjectCheck"/> reads, parses and validates.
/// </summary>
internal static class BtfObjectRead
{
    // The link's default BpfKernelBaseline.
    public static readonly Version KernelBaseline = new(6, 1);

    public static IReadOnlyList<Diagnostic> Read(byte[] btf, byte[]? btfExt)
    {
        // 64 instructions of program section "xdp", for the CO-RE records of .BTF.ext to point into.
        var elf = btfExt is null
            ? TestElf.WithSections((BtfSections.BtfName, btf))
            : TestElf.WithSections(new HashSet<string> { "xdp" }, ("xdp", new byte[64 * 8]), (BtfSections.BtfName, btf), (BtfSections.BtfExtName, btfExt));
        var log = new DiagnosticLog(TextWriter.Null);
        BtfObjectCheck.Check(elf, KernelBaseline, new DebugInfoOrigins(), log);
        return log.Reported;
    }
}
