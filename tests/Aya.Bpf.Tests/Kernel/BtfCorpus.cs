using Aya.Bpf.Linker.Btf;
using Aya.Bpf.Tests.Btf;

namespace Aya.Bpf.Tests.Kernel;

/// <summary>
/// Small BTF blobs, valid and deliberately broken, each the shape of a real mistake (most of them
/// what LLVM makes of Rust debug info before repair). The kernel's verdict on each is the oracle.
/// </summary>
internal static class BtfCorpus
{
    public static IEnumerable<object[]> Cases =>
        Blobs.Select(blob => new object[] { blob.Name });

    public static byte[] Build(string name) => Blobs.Single(b => b.Name == name).Build();

    private sealed record Blob(string Name, Func<byte[]> Build);

    private static readonly Blob[] Blobs =
    [
        // Valid shapes.
        new("valid: int, pointer, struct", () => With(b =>
        {
            var u32 = b.Int("u32", 4, 32, 0);
            b.Ptr(u32);
            b.Struct("XdpMd", 8, ("data", u32, 0), ("data_end", u32, 32));
        })),
        new("valid: global func with named parameters", () => With(b =>
        {
            var u32 = b.Int("u32", 4, 32, 0);
            var proto = b.Proto(u32, ("ctx", b.Ptr(u32)));
            b.Func("xdp_pass", proto);
        })),
        new("valid: static func, enum, union, typedef", () => With(b =>
        {
            var u8 = b.Int("u8", 1, 8, 0);
            b.Enum("Verdict", 4, false, ("Drop", 1), ("Pass", 2));
            b.Union("Either", 4, ("a", u8, 0), ("b", b.Int("u32", 4, 32, 0), 0));
            var proto = b.Proto(u8, ("x", u8));
            b.Func("helper", proto, BtfFuncLinkage.Static);
            b.Typedef("byte", u8);
        })),
        new("valid: var in a datasec", () => With(b =>
        {
            var u8 = b.Int("u8", 1, 8, 0);
            var array = b.Array(u8, b.Int("__ARRAY_SIZE_TYPE__", 4, 32, 0), 4);
            var license = b.Var("LICENSE", array);
            b.Datasec("license", 4, (license, 0, 4));
        })),
        new("valid: name of 200 characters", () => With(b => b.Struct(new string('a', 200), 0))),

        // Broken shapes.
        new("broken: struct name with generics", () => With(b =>
        {
            var u8 = b.Int("u8", 1, 8, 0);
            b.Struct("Wrapper<u8>", 8, ("value", u8, 0));
        })),
        new("broken: struct name with a path", () => With(b => b.Struct("a::b::C", 0))),
        new("broken: closure name", () => With(b => b.Struct("{closure#0}", 0))),
        new("broken: unit type name", () => With(b => b.Struct("()", 0))),
        new("broken: named pointer", () => With(b => b.Add("&u8", BtfKind.Ptr, 0, false, b.Int("u8", 1, 8, 0)))),
        new("broken: member offsets go backwards", () => With(b =>
        {
            var u32 = b.Int("u32", 4, 32, 0);
            b.Struct("Reordered", 8, ("second", u32, 32), ("first", u32, 0));
        })),
        new("broken: union member not at offset 0", () => With(b =>
        {
            var u32 = b.Int("u32", 4, 32, 0);
            b.Union("U", 8, ("a", u32, 0), ("b", u32, 32));
        })),
        new("broken: member beyond the struct", () => With(b =>
        {
            var u32 = b.Int("u32", 4, 32, 0);
            b.Struct("Small", 4, ("a", u32, 32));
        })),
        new("broken: func parameter without a name", () => With(b =>
        {
            var u32 = b.Int("u32", 4, 32, 0);
            var proto = b.Proto(u32, ("", u32));
            b.Func("entry", proto);
        })),
        new("broken: extern func linkage", () => With(b =>
        {
            var u32 = b.Int("u32", 4, 32, 0);
            b.Func("entry", b.Proto(u32), BtfFuncLinkage.Extern);
        })),
        new("broken: func name with generics", () => With(b =>
        {
            var u32 = b.Int("u32", 4, 32, 0);
            b.Func("identity<u32>", b.Proto(u32, ("value", u32)), BtfFuncLinkage.Static);
        })),
        new("broken: int of 129 bits", () => With(b => b.Int("u129", 17, 129, 0))),
        new("broken: int both signed and bool", () => With(b => b.Int("odd", 1, 8, BtfIntType.Signed | BtfIntType.Bool))),
        new("broken: enum of size 3", () => With(b => b.Enum("E", 3, false, ("A", 0)))),
        new("broken: typedef without a name", () => With(b => b.Typedef("", b.Int("u8", 1, 8, 0)))),
        new("broken: var with extern linkage", () => With(b => b.Var("ext", b.Int("u8", 1, 8, 0), BtfVarLinkage.GlobalExtern))),
        new("broken: member of function type", () => With(b =>
        {
            var u32 = b.Int("u32", 4, 32, 0);
            b.Struct("S", 4, ("f", b.Proto(u32), 0));
        })),
        new("broken: type id out of range", () => With(b => b.Ptr(99))),
        new("broken: typedef loop", () => With(b =>
        {
            b.Typedef("a", 2);
            b.Typedef("b", 1);
        })),
        new("broken: name of 600 characters", () => With(b => b.Struct(new string('a', 600), 0))),
        new("broken: BTF version 2", () => new BtfBuilder().Build(version: 2)),
        new("broken: string section not NUL-terminated", () => WithStrings([0, (byte)'a'])),
    ];

    private static byte[] With(Action<BtfBuilder> add)
    {
        var builder = new BtfBuilder();
        add(builder);
        return builder.Build();
    }

    private static byte[] WithStrings(byte[] strings)
    {
        var builder = new BtfBuilder();
        return builder.Build(stringSection: strings);
    }
}
