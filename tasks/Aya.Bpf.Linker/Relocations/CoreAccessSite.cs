using System.Globalization;
using System.Text;
using Aya.Bpf.Linker.Llvm;

namespace Aya.Bpf.Linker.Relocations;

/// <summary>
/// Where a relocatable access is and what it names, as core_access.rs's macros pass it:
/// <c>file!():line!():field path</c>. Debug info cannot say it: a macro's code carries the
/// macro's own lines, so the program's file and line come from the macro's expansion instead.
/// </summary>
internal sealed record CoreAccessSite(string File, int Line, string Path)
{
    /// <summary>The site in the <c>&amp;str</c> at arguments <paramref name="index"/> (a constant) and <paramref name="index"/> + 1 (its length); null unless both are constants of that shape.</summary>
    public static CoreAccessSite? Read(LlvmModule module, LlvmInstruction call, int index)
    {
        if (call.ConstantArgument(index + 1) is not { } length || call.GlobalArgument(index) is not { } text)
            return null;
        var bytes = ConstantBytes.Read(module, text, bigEndian: false);
        if (bytes is null || (ulong)bytes.Length < length)
            return null;
        var site = Encoding.UTF8.GetString(bytes, 0, (int)length);
        // The field path has no colon; the file may.
        var pathStart = site.LastIndexOf(':');
        var lineStart = pathStart <= 0 ? -1 : site.LastIndexOf(':', pathStart - 1);
        if (lineStart < 0 || !int.TryParse(site.AsSpan(lineStart + 1, pathStart - lineStart - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var line))
            return null;
        return new CoreAccessSite(site[..lineStart], line, site[(pathStart + 1)..]);
    }
}
