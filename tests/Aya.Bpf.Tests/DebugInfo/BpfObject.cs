using Aya.Bpf.Linker.Btf;
using Aya.Bpf.Linker.DebugInfo;
using Aya.Bpf.Linker.Diagnostics;
using Aya.Bpf.Linker.Emit;
using Aya.Bpf.Linker.Llvm;
using Aya.Bpf.Tests.Support;

namespace Aya.Bpf.Tests.DebugInfo;

/// <summary>Real BPF objects compiled from text IR by the linker's own LLVM bindings.</summary>
internal static class BpfObject
{
    /// <summary>Compiles <paramref name="ir"/> to a bpfel ELF object, after the debug-info repair when <paramref name="repair"/> is set.</summary>
    public static byte[] Compile(string ir, bool repair)
    {
        using var context = new LlvmContext();
        using var module = RepairRun.Parse(context, ir);
        if (repair)
        {
            DebugInfoRepair.Apply(context, module);
        }

        using var machine = ToolchainLlvm.BpfMachine();
        module.SetTarget(machine);
        var log = new DiagnosticLog(TextWriter.Null);
        var bytes = ObjectEmitter.Emit(context, machine, module, log);
        Assert.IsNotNull(bytes, string.Join("\n", log.Reported));
        return bytes;
    }

    /// <summary>The object's parsed <c>.BTF</c> section and the sizes of its ELF sections.</summary>
    public static (BtfData Btf, IReadOnlyDictionary<string, uint> SectionSizes) ReadBtf(byte[] elf)
    {
        var sections = BtfSections.TryRead(elf);
        Assert.IsNotNull(sections?.Btf, "the object has no .BTF section");
        Assert.IsTrue(BtfReader.TryRead(sections.Btf, out var btf, out var error), error?.ToString());
        return (btf!, sections.SectionSizes);
    }

    /// <summary>What the kernel would refuse in the object's <c>.BTF</c>.</summary>
    public static IReadOnlyList<BtfViolation> Validate(byte[] elf)
    {
        var (btf, sizes) = ReadBtf(elf);
        return BtfValidator.Validate(btf, new BtfValidationOptions { SectionSizes = sizes });
    }

    /// <summary>The id of the one STRUCT named <paramref name="name"/>.</summary>
    public static uint StructId(BtfData btf, string name) =>
        Assert.ContainsSingle(btf.Types.Where(t => t.Kind == BtfKind.Struct && t.Name == name), string.Join(", ", btf.Types.Select(t => t.Name))).Id;
}
