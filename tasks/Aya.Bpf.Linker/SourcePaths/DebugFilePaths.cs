using Aya.Bpf.Linker.DebugInfo;
using Aya.Bpf.Linker.Llvm;

namespace Aya.Bpf.Linker.SourcePaths;

/// <summary>
/// Rewrites the module's DIFile nodes to machine-independent paths (<see cref="SourcePathMap"/>) and
/// zeroes crate hashes in linkage names, so that an object's BTF and DWARF are the same in every
/// checkout. LLVM's BPF backend opens each file for the source text of BTF's line info when it writes
/// the object: code generation runs in the source root (<see cref="SourceRootDirectory"/>), where the
/// relative paths open; a crate from the registry keeps its lines in BTF, not their text.
/// </summary>
internal static class DebugFilePaths
{
    // DIFile's operands: filename, directory, checksum, source.
    private const int FileName = 0, FileDirectory = 1;
    private const int SubprogramLinkageName = 3;

    /// <summary>Returns how many files were rewritten.</summary>
    public static int Apply(LlvmContext context, LlvmModule module, SourcePathMap map)
    {
        var locations = module.Functions.SelectMany(function => function.Instructions(context))
            .Select(instruction => instruction.DebugLocation).Where(location => !location.IsNull);
        var graph = DebugInfoGraph.Walk(module.DebugInfoRoots(context).Concat(locations.Distinct()));
        var files = 0;
        foreach (var node in graph.Nodes)
        {
            switch (node.Kind)
            {
                case MetadataKind.File:
                    files += RewriteFile(context, node, map) ? 1 : 0;
                    break;
                case MetadataKind.Subprogram:
                    ZeroHash(context, node, SubprogramLinkageName);
                    break;
                case MetadataKind.GlobalVariable:
                    ZeroHash(context, node, DebugInfoLayout.GlobalVariableLinkageNameOperand);
                    break;
            }
        }
        return files;
    }

    private static bool RewriteFile(LlvmContext context, LlvmMetadata file, SourcePathMap map)
    {
        var name = file.StringOperand(FileName) ?? "";
        var directory = file.StringOperand(FileDirectory) ?? "";
        if (name.Length == 0 || name == "<unknown>")
            return false;
        var original = Path.IsPathRooted(name) || directory.Length == 0 ? name : Path.Combine(directory, name);
        var mapped = CrateHashes.ZeroInUnitName(map.Map(original));
        file.ReplaceOperand(FileName, LlvmMetadata.String(context, mapped));
        file.ReplaceOperand(FileDirectory, LlvmMetadata.String(context, ""));
        return mapped != original;
    }

    private static void ZeroHash(LlvmContext context, LlvmMetadata node, int index)
    {
        if (node.StringOperand(index) is { Length: > 0 } linkageName && CrateHashes.ZeroInSymbol(linkageName) is var zeroed && zeroed != linkageName)
            node.ReplaceOperand(index, LlvmMetadata.String(context, zeroed));
    }
}
