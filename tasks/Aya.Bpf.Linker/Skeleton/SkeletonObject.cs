using Aya.Bpf.Linker.Btf;

namespace Aya.Bpf.Linker.Skeleton;

/// <summary>A program of the object, by its libbpf name (its ELF symbol) and section.</summary>
internal sealed record SkeletonProgram(string Name, string Section);

/// <summary>A map of <c>.maps</c>: its kernel type number and, when its definition names them, its key and value BTF types.</summary>
internal sealed record SkeletonMap(string Name, uint MapType, uint? KeyType, uint? ValueType);

/// <summary>A global variable of a data section, at the offset libbpf gives it (its ELF symbol's).</summary>
internal sealed record SkeletonVariable(string Name, uint Type, uint Offset);

/// <summary>A global data section (<c>.rodata</c>, <c>.data</c>, <c>.bss</c>, or one of their named kin) and its variables.</summary>
internal sealed record SkeletonSection(string Name, IReadOnlyList<SkeletonVariable> Variables)
{
    public bool IsReadOnly => Name.StartsWith(".rodata", StringComparison.Ordinal);
}

/// <summary>What a skeleton describes of one BPF object.</summary>
internal sealed record SkeletonObject(
    string FileName,
    BtfData Btf,
    IReadOnlyList<SkeletonProgram> Programs,
    IReadOnlyList<SkeletonMap> Maps,
    IReadOnlyList<SkeletonSection> Sections);
