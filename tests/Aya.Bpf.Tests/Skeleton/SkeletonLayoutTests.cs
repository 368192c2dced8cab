using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Aya.Bpf.Linker.Btf;
using Aya.Bpf.Tests.Btf;
using Aya.Bpf.Tests.Integration;

namespace Aya.Bpf.Tests.Skeleton;

/// <summary>
/// The skeleton's C# types, compiled, against the BTF they come from: every struct and union has
/// BTF's size (Marshal.SizeOf and the managed size) and every member its BTF offset; enums keep their
/// size, signedness and values; bitfields read and write their own bits.
/// </summary>
[TestClass]
public sealed class SkeletonLayoutTests
{
    private static readonly FixtureBuild TypeZoo = new("type-zoo/type-zoo.bpfproj");

    [ClassCleanup]
    public static void Cleanup() => TypeZoo.Dispose();

    [TestMethod]
    public void TypeZoo_EveryStructUnionAndEnum_HasItsBtfSizeAndOffsets()
    {
        RequiredTool.CargoPath();
        TypeZoo.Succeeded();
        var btf = ReadBtf(TypeZoo.Workspace.PathOf("type-zoo/bin/Release/type-zoo.bpf.o"));
        var composites = btf.Types.OfType<BtfCompositeType>().Where(t => t.Size > 0).ToList();
        var enums = btf.Types.OfType<BtfEnumType>().ToList();

        var compiled = CompiledTypes.Of(btf, composites.Select(t => t.Id).Concat(enums.Select(t => t.Id)));

        Assert.IsGreaterThan(20, composites.Count, "the zoo has structs, unions, generics, Rust enums, slices, tuples");
        foreach (var composite in composites)
            AssertLayout(btf, compiled, composite);
        foreach (var enumeration in enums)
        {
            var type = compiled.TypeOf(enumeration.Id);
            Assert.AreEqual((int)enumeration.Size, Marshal.SizeOf(Enum.GetUnderlyingType(type)), $"enum {enumeration.Name}'s size");
            Assert.HasCount(enumeration.Values.Count, Enum.GetValues(type), $"enum {enumeration.Name}'s values");
        }
    }

    [TestMethod]
    public void EveryKind_BitfieldsUnionsAnonymousMembersNestedArraysWideScalars_LaysOutAsBtf()
    {
        var b = new BtfBuilder();
        uint u8 = b.Int("u8", 1, 8, 0), u32 = b.Int("u32", 4, 32, 0), i32 = b.Int("i32"), u64 = b.Int("u64", 8, 64, 0);
        uint boolean = b.Int("bool", 1, 8, BtfIntType.Bool), i128 = b.Int("i128", 16, 128, BtfIntType.Signed), half = b.Float("f16", 2);
        uint index = b.Int("__ARRAY_SIZE_TYPE__", 4, 32, 0);
        uint flags = b.Add("Flags", BtfKind.Struct, 3, kindFlag: true, 4,
            b.Str("a"), u32, (3u << 24) | 0, b.Str("b"), i32, (5u << 24) | 3, b.Str("c"), u32, (24u << 24) | 8);
        uint either = b.Union("Either", 8, ("i", u32, 0), ("l", u64, 0));
        uint point = b.Struct("", 8, ("x", u32, 0), ("y", u32, 32));
        uint row = b.Array(u8, index, 3);
        uint grid = b.Array(row, index, 2);
        uint flexible = b.Array(u32, index, 0);
        uint outer = b.Struct("outer_t", 32, ("inner", point, 0), ("", either, 64), ("grid", grid, 128), ("flag", boolean, 176), ("OUTER_T", u8, 184), ("tail", flexible, 256));
        uint bytes = b.Ptr(u8);
        uint wide = b.Struct("wide", 32, ("big", i128, 0), ("small", half, 128), ("next", bytes, 192));
        uint big = b.Add("Big", BtfKind.Enum64, 2, kindFlag: true, 8, b.Str("MINUS_ONE"), uint.MaxValue, uint.MaxValue, b.Str("HUGE"), 0, 1u << 8);
        var btf = b.Read();

        var compiled = CompiledTypes.Of(btf, [flags, outer, wide, big]);

        foreach (var composite in btf.Types.OfType<BtfCompositeType>())
            AssertLayout(btf, compiled, composite);
        var outerType = compiled.TypeOf(outer);
        CollectionAssert.AreEqual(new[] { "Inner", "Anonymous", "Grid", "Flag", "OuterT2" }, CompiledTypes.FieldsOf(outerType).Select(f => f.Name).ToArray(),
            "Rust and C names made C# names; the flexible array has no field; a member named as its struct gets a number");
        Assert.AreEqual(typeof(bool), outerType.GetField("Flag")!.FieldType);
        Assert.AreEqual(typeof(long), Enum.GetUnderlyingType(compiled.TypeOf(big)), "a signed 64-bit enum");
        CollectionAssert.AreEquivalent(new[] { -1L, 1L << 40 }, Enum.GetValues(compiled.TypeOf(big)).Cast<object>().Select(Convert.ToInt64).ToArray());
        AssertBitfields(compiled.TypeOf(flags));
    }

    private static void AssertBitfields(Type flags)
    {
        var value = Activator.CreateInstance(flags)!;
        flags.GetProperty("A")!.SetValue(value, 5ul);
        flags.GetProperty("B")!.SetValue(value, -3L);
        flags.GetProperty("C")!.SetValue(value, 0xABCDEFul);

        var bytes = new byte[4];
        var handle = GCHandle.Alloc(bytes, GCHandleType.Pinned);
        try
        {
            Marshal.StructureToPtr(value, handle.AddrOfPinnedObject(), fDeleteOld: false);
        }
        finally
        {
            handle.Free();
        }
        // a = 0b101 in bits 0-2, b = -3 (0b11101) in bits 3-7, c in bits 8-31.
        CollectionAssert.AreEqual(new byte[] { 0xED, 0xEF, 0xCD, 0xAB }, bytes);
        Assert.AreEqual(5ul, flags.GetProperty("A")!.GetValue(value));
        Assert.AreEqual(-3L, flags.GetProperty("B")!.GetValue(value), "a signed bitfield reads back sign-extended");
        Assert.AreEqual(0xABCDEFul, flags.GetProperty("C")!.GetValue(value));
    }

    // Every sized, whole-byte member is a field at its BTF offset, in BTF's order; the struct is BTF's size.
    private static void AssertLayout(BtfData btf, CompiledTypes compiled, BtfCompositeType composite)
    {
        var sizes = new BtfTypeSizes(btf);
        var type = compiled.TypeOf(composite.Id);
        var what = $"{(composite.IsUnion ? "union" : "struct")} {composite.Name} [{composite.Id}] as {type.Name}";
        Assert.AreEqual((int)composite.Size, Marshal.SizeOf(type), $"{what}: Marshal.SizeOf");
        Assert.AreEqual((int)composite.Size, RuntimeHelpers.SizeOf(type.TypeHandle), $"{what}: managed size");
        var expected = composite.Members
            .Where(m => m.BitfieldSize == 0 && m.BitOffset % 8 == 0 && sizes.TryGetSize(m.Type, out var size, out _) && size > 0)
            .Select(m => (int)(m.BitOffset / 8)).ToArray();
        var fields = CompiledTypes.FieldsOf(type);
        CollectionAssert.AreEqual(expected, fields.Select(CompiledTypes.OffsetOf).ToArray(), $"{what}: member offsets{Environment.NewLine}{compiled.Source}");
    }

    private static BtfData ReadBtf(string objectPath)
    {
        Assert.IsTrue(BtfSections.TryExtract(File.ReadAllBytes(objectPath), out var blob, out _) && blob is not null, "the object has .BTF");
        Assert.IsTrue(BtfReader.TryRead(blob, out var btf, out var error), $"{error}");
        return btf!;
    }
}
