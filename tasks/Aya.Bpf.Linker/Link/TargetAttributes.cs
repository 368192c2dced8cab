using Aya.Bpf.Linker.Llvm;

namespace Aya.Bpf.Linker.Link;

/// <summary>
/// rustc stamps every function with its own target-cpu/target-features; they would override the
/// CPU the project asks for, so they are removed and the target machine's choice applies. Bitcode
/// compiled for the host (BpfRustBuild=host) carries more of the host in its attributes.
/// </summary>
internal static class TargetAttributes
{
    private static readonly string[] s_targetKeys = ["target-cpu", "target-features"];

    // Stack probes and unwind tables are host ABI features: a BPF function has a fixed 512-byte
    // stack the verifier checks, and nothing unwinds it.
    private static readonly string[] s_hostKeys = ["tune-cpu", "probe-stack", "stack-probe-size"];
    private static readonly string[] s_hostEnumAttributes = ["uwtable", "nonlazybind"];

    public static void Clear(LlvmModule module, bool fromHost)
    {
        string[] keys = fromHost ? [.. s_targetKeys, .. s_hostKeys] : s_targetKeys;
        var enumKinds = fromHost ? s_hostEnumAttributes.Select(LlvmAttributes.EnumKind).Where(kind => kind != 0).ToList() : [];
        foreach (var function in module.Functions)
        {
            foreach (var key in keys)
                LlvmAttributes.RemoveString(function, key);
            foreach (var kind in enumKinds)
                LlvmAttributes.RemoveEnum(function, kind);
        }
    }
}
