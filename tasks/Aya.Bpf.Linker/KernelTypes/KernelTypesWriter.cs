using System.Text;
using Aya.Bpf.Linker.Btf;

namespace Aya.Bpf.Linker.KernelTypes;

/// <summary>
/// Writes Rust bindings for the kernel types a project asks for (and all they hold by value), from
/// kernel BTF: a module <c>vmlinux</c> of <c>#[repr(C)]</c> types usable from <c>#![no_std]</c>, with
/// a compile-time check of every struct's size and member offsets against BTF, so that a layout
/// rustc would lay out otherwise fails the build instead of reading the wrong bytes.
/// </summary>
internal static class KernelTypesWriter
{
    private const string Module = "vmlinux";

    /// <summary>The bindings, or null with the names BTF has no type for.</summary>
    public static string? Write(BtfData btf, IReadOnlyList<string> typeNames, string source, out IReadOnlyList<string> missing)
    {
        var roots = typeNames.Select(name => (Name: name, Type: Find(btf, name))).ToList();
        missing = [.. roots.Where(r => r.Type is null).Select(r => r.Name)];
        if (missing.Count > 0)
            return null;
        var set = new RustBindingSet(btf);
        foreach (var (name, type) in roots)
            _ = set.Reference(type!.Id, name, byValue: true);

        var text = new StringBuilder();
        text.Append("// Written by Aya.Bpf.Sdk from the kernel BTF of ").Append(source).Append(": ").Append(string.Join(", ", typeNames)).Append('\n');
        text.Append("// and every type they hold by value (types reached only through pointers are opaque). Edits are lost.\n");
        text.Append("pub mod ").Append(Module).Append(" {\n");
        text.Append("    #![allow(non_camel_case_types, non_snake_case, non_upper_case_globals, dead_code)]\n");
        foreach (var (alias, target) in set.Aliases)
            text.Append($"    pub type {alias} = {target};\n");
        WriteEnumValues(set, text);
        foreach (var (_, name, layout) in set.Definitions)
            WriteDefinition(name, layout, text);
        foreach (var name in set.Opaque)
            text.Append($"    /// Reached only through pointers: ask for it (BpfKernelType) to get its members.\n    #[repr(C)]\n    #[derive(Copy, Clone)]\n    pub struct {name} {{\n        _opaque: [u8; 0],\n    }}\n");
        foreach (var (_, name, layout) in set.Definitions)
            WriteLayoutChecks(name, layout, text);
        text.Append("}\n");
        return text.ToString();
    }

    // A struct or union with members wins over a forward declaration or a typedef of the same name.
    private static BtfType? Find(BtfData btf, string name) =>
        btf.Types.Where(t => t.Name == name && t is BtfCompositeType or BtfEnumType or BtfReferenceType { Kind: BtfKind.Typedef })
            .OrderBy(t => t is BtfCompositeType { Size: > 0 } ? 0 : t is BtfReferenceType ? 2 : 1)
            .FirstOrDefault();

    private static void WriteEnumValues(RustBindingSet set, StringBuilder text)
    {
        var written = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, enumeration) in set.Enums)
        {
            foreach (var value in enumeration.Values.Where(v => v.Name is { Length: > 0 } && written.Add(v.Name)))
                text.Append($"    pub const {RustNames.Identifier(value.Name!)}: {name} = {enumeration.Literal(value)};\n");
        }
    }

    private static void WriteDefinition(string name, RustLayout layout, StringBuilder text)
    {
        if (layout.AsBytes is { } why)
        {
            text.Append($"    /// Its bytes only: {why}, which Rust cannot lay out member by member.\n");
            text.Append($"    #[repr(C)]\n    #[derive(Copy, Clone)]\n    pub {(layout.IsUnion ? "union" : "struct")} {name} {{\n        pub _bytes: [u8; {layout.Size}],\n    }}\n");
            return;
        }
        text.Append(layout.Packed ? "    #[repr(C, packed)]\n" : "    #[repr(C)]\n");
        text.Append("    #[derive(Copy, Clone)]\n");
        text.Append($"    pub {(layout.IsUnion ? "union" : "struct")} {name} {{\n");
        foreach (var item in layout.Items)
        {
            if (item.Comment is { } comment)
                text.Append($"        /// The bytes of {comment}.\n");
            var visibility = item.IsMember || item.Comment is not null ? "pub " : "";
            text.Append($"        {visibility}{item.Name}: {item.Type.Text},\n");
        }
        text.Append("    }\n");
    }

    private static void WriteLayoutChecks(string name, RustLayout layout, StringBuilder text)
    {
        text.Append($"    const _: () = assert!(core::mem::size_of::<{name}>() == {layout.Size});\n");
        if (layout.IsUnion || layout.AsBytes is not null)
            return;
        foreach (var item in layout.Items.Where(i => i.IsMember))
            text.Append($"    const _: () = assert!(core::mem::offset_of!({name}, {item.Name}) == {item.Offset});\n");
    }
}
