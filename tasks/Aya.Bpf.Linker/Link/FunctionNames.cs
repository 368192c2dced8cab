using Aya.Bpf.Linker.DebugInfo;
using Aya.Bpf.Linker.Llvm;

namespace Aya.Bpf.Linker.Link;

/// <summary>How diagnostics name a function: as Rust knows it, with its symbol when that differs.</summary>
internal static class FunctionNames
{
    /// <summary><c>'pause' (_RNv...5pause)</c>, or <c>'symbol'</c> when the debug info has no other name.</summary>
    public static string Display(LlvmContext context, LlvmGlobal function)
    {
        var subprogram = function.Subprogram(context);
        var symbol = function.Name;
        var name = subprogram.IsNull ? null : subprogram.StringOperand(DebugInfoLayout.NameOperand);
        return string.IsNullOrEmpty(name) || name == symbol ? $"'{symbol}'" : $"'{name}' ({symbol})";
    }

    /// <summary>Where the function is defined, from its DISubprogram; no file without debug info.</summary>
    public static (string? File, int Line) Definition(LlvmContext context, LlvmGlobal function) =>
        function.Subprogram(context) is { IsNull: false } subprogram ? (subprogram.SourceFile, (int)subprogram.Line) : (null, 0);
}
