using System.Text.RegularExpressions;

namespace Aya.Bpf.Tests.Integration;

/// <summary>
/// The fixture that puts every awkward Rust shape (generics, paths, data-carrying enums, reordered
/// fields, raw identifiers, char/bool/u128/floats, zero-sized types, slices, trait objects, tuples,
/// closures, very long names) into its BTF: the linker must repair the debug info so the kernel
/// takes the BTF, and the names it gives must be the sanitised ones.
/// </summary>
[TestClass]
public sealed partial class TypeZooTests : XdpFixtureTests
{

    // BTF_KIND_* names as bpftool prints them.
    private const string Struct = "STRUCT";
    private const string Union = "UNION";
    private const string Enum = "ENUM";
    private const string Int = "INT";
    private const string Float = "FLOAT";
    private const string Func = "FUNC";
    private const string Var = "VAR";

    // The kernel's limit before 6.1 is KSYM_NAME_LEN 128, counting the terminating NUL.
    private const int MaxNameLength = 127;

    private const string LongNamePrefix = "AVeryLongGenericTypeNameThatKeepsGoingAndGoingAndGoing_";

    // Rust's spelling of paths, generics, references, tuples, slices and closures; none is valid in a C identifier.
    private static readonly char[] RustPunctuation = ['<', '>', ':', ',', '&', ' ', '{', '}', '(', ')', '[', ']', ';'];

    private const string Object = "type-zoo/bin/Release/type-zoo.bpf.o";

    private static readonly FixtureBuild Fixture = new("type-zoo/type-zoo.bpfproj");

    private static readonly Lazy<BtfDump> Btf = new(() => Bpftool.DumpBtf(Fixture.Workspace.PathOf(Object)));

    private protected override FixtureBuild Build => Fixture;

    protected override string ObjectFile => Object;

    protected override string ProgramName => "type_zoo";

    // XDP_PASS.
    protected override long ExpectedVerdict => 2;

    [ClassCleanup]
    public static void Cleanup() => Fixture.Dispose();

    [TestMethod]
    [TestCategory("Integration")]
    public void Build_Succeeds()
    {
        RequiredTool.CargoPath();

        Build.Succeeded();
    }

    [TestMethod]
    [TestCategory("Integration")]
    public void BuildLog_ShowsDebugInfoRepair()
    {
        RequiredTool.CargoPath();

        BuildResult build = Build.Succeeded();

        Assert.Contains(LinkerLogMarkers.DebugInfoRepaired, build.Output, build.Describe());
    }

    /// <summary>
    /// The load assertion has teeth: with one BTF name given back its Rust spelling, the kernel refuses
    /// the BTF, libbpf loads the program without it, and the load no longer counts as clean.
    /// </summary>
    [TestMethod]
    [TestCategory("Integration")]
    [TestCategory("Kernel")]
    public void ObjectWithRustNameInBtf_LoadsWithoutBtf()
    {
        RequiredTool.ForKernelLoad();
        Build.Succeeded();
        // Same length, so every offset in the object still holds; '<' is no identifier character.
        string corrupted = Build.Workspace.WriteFile(
            "type-zoo-corrupted.bpf.o",
            ReplaceAll(File.ReadAllBytes(Build.Workspace.PathOf(ObjectFile)), "\0Wrapper_u8\0"u8, "\0Wrapper<u8\0"u8));

        LoadResult load = Bpftool.LoadAll(corrupted);

        Assert.AreEqual(0, load.ExitCode, $"libbpf loads without BTF when the kernel refuses it. {load.Describe()}");
        Assert.IsNotEmpty(load.BtfRejectionLines, $"libbpf should have reported the refused BTF. {load.Describe()}");
        LoadedProgram? program = load.Program(ProgramName);
        Assert.IsNotNull(program, load.Describe());
        Assert.IsNull(program.BtfId, $"{ProgramName} should have been loaded without BTF. {load.Describe()}");
    }

    [TestMethod]
    [TestCategory("Integration")]
    public void Btf_NamesGenericsReferencesTuplesAndClosuresAfterTheirParts()
    {
        BtfDump btf = DumpBtf();

        foreach (string name in (string[])[
            "Wrapper_u8", "Pair_Wrapper_u16_Inner", "Option_ref_Inner", "ref_slice_u8",
            "ref_dyn_Area", "tuple_u8_u32", "closure_env_0", "type"])
        {
            btf.Single(Struct, name);
        }
    }

    [TestMethod]
    [TestCategory("Integration")]
    public void Btf_ZeroSizedTypesAreEmptyStructs()
    {
        BtfDump btf = DumpBtf();

        Assert.AreEqual(0L, btf.Single(Struct, "unit").Size, "size of STRUCT 'unit'");
        Assert.AreEqual(0L, btf.Single(Struct, "PhantomData_u64").Size, "size of STRUCT 'PhantomData_u64'");
    }

    [TestMethod]
    [TestCategory("Integration")]
    public void Btf_ScalarsHaveEncodingsTheKernelKnows()
    {
        BtfDump btf = DumpBtf();

        Assert.AreEqual(4L, btf.Single(Int, "char").Size, "size of INT 'char'");
        Assert.AreEqual("BOOL", btf.Single(Int, "bool").Encoding, "encoding of INT 'bool'");
        Assert.AreEqual(16L, btf.Single(Int, "u128").Size, "size of INT 'u128'");
        Assert.AreEqual(4L, btf.Single(Float, "f32").Size, "size of FLOAT 'f32'");
    }

    [TestMethod]
    [TestCategory("Integration")]
    public void Btf_DataCarryingEnumIsStructOverUnionWithNamedDiscriminant()
    {
        BtfDump btf = DumpBtf();

        BtfDumpType shape = btf.Single(Struct, "Shape");
        Assert.HasCount(1, shape.Members, $"members of STRUCT 'Shape'.{Environment.NewLine}{btf.Describe()}");
        BtfDumpType variants = btf.Require(shape.Members[0].TypeId);
        Assert.AreEqual(Union, variants.Kind, $"kind of STRUCT 'Shape''s only member.{Environment.NewLine}{btf.Describe()}");
        Assert.IsNull(variants.Name, "the variants' UNION is anonymous");
        CollectionAssert.AreEqual(
            (string[])["discriminant", "Point", "Circle", "Rect"],
            variants.Members.Select(m => m.Name).ToArray(),
            "members of STRUCT 'Shape''s UNION");
    }

    [TestMethod]
    [TestCategory("Integration")]
    public void Btf_FieldlessEnumsStayEnums()
    {
        BtfDump btf = DumpBtf();

        CollectionAssert.AreEqual((string[])["Red", "Green", "Blue"], btf.Single(Enum, "Colour").EnumeratorNames.ToArray(), "ENUM 'Colour'");
        btf.Single(Enum, "c_void");
    }

    [TestMethod]
    [TestCategory("Integration")]
    public void Btf_FunctionsAndStaticsHaveKernelLinkageAndNamedParameters()
    {
        BtfDump btf = DumpBtf();

        Assert.AreEqual("global", btf.Single(Func, "type_zoo").Linkage, "linkage of FUNC 'type_zoo'");

        BtfDumpType takeScalars = btf.Single(Func, "take_scalars");
        Assert.AreEqual("static", takeScalars.Linkage, "linkage of FUNC 'take_scalars'");
        BtfDumpType prototype = btf.Require(takeScalars.TypeId ?? 0);
        // `_unit: ()` has no name in Rust's debug info; the kernel wants every parameter named.
        CollectionAssert.AreEqual(
            (string[])["s", "arg2"],
            prototype.Params.Select(p => p.Name).ToArray(),
            $"parameters of FUNC 'take_scalars': {btf.Signature(takeScalars)}");

        btf.Single(Func, "generic_identity_Wrapper_u8");
        btf.Single(Func, "first_word_closure_env_0");
        Assert.AreEqual("static", btf.Single(Var, "LAST_COLOUR").Linkage, "linkage of VAR 'LAST_COLOUR'");
    }

    [TestMethod]
    [TestCategory("Integration")]
    public void Btf_LongNameIsCutToTheKernelLimitWithAHash()
    {
        BtfDump btf = DumpBtf();

        BtfDumpType[] longNamed = [.. btf.Types.Where(t => t.Name?.StartsWith(LongNamePrefix, StringComparison.Ordinal) == true)];
        Assert.HasCount(1, longNamed, $"types named {LongNamePrefix}...{Environment.NewLine}{btf.Describe()}");
        string name = longNamed[0].Name!;
        Assert.AreEqual(Struct, longNamed[0].Kind, name);
        Assert.IsLessThanOrEqualTo(MaxNameLength, name.Length, name);
        Assert.MatchesRegex(HashSuffix(), name);
    }

    [TestMethod]
    [TestCategory("Integration")]
    public void Btf_StructMembersAreInOffsetOrder()
    {
        BtfDump btf = DumpBtf();

        BtfDumpType reordered = btf.Single(Struct, "Reordered");
        CollectionAssert.AreEqual(
            (string[])["large", "middle", "small"],
            reordered.Members.Select(m => m.Name).ToArray(),
            "members of STRUCT 'Reordered'");

        foreach (BtfDumpType type in btf.Types.Where(t => t.Kind == Struct))
        {
            long[] offsets = [.. type.Members.Select(m => m.BitsOffset)];
            Assert.IsTrue(
                offsets.Zip(offsets.Skip(1)).All(pair => pair.First <= pair.Second),
                $"[{type.Id}] {type.Label} has members out of offset order: [{string.Join(", ", type.Members)}]");
        }
    }

    [TestMethod]
    [TestCategory("Integration")]
    public void Btf_NoNameHoldsRustPunctuation()
    {
        BtfDump btf = DumpBtf();

        string[] offending = [.. btf.Types
            .SelectMany(type => type.AllNames.Select(name => (type, name)))
            .Where(entry => entry.name.IndexOfAny(RustPunctuation) >= 0)
            .Select(entry => $"[{entry.type.Id}] {entry.type.Kind}: '{entry.name}'")];
        Assert.IsEmpty(offending, $"Names with Rust punctuation:{Environment.NewLine}{string.Join(Environment.NewLine, offending)}");
        Assert.IsGreaterThan(50, btf.Types.Count, $"The zoo's BTF is suspiciously small.{Environment.NewLine}{btf.Describe()}");
    }

    // Needs cargo to build and bpftool to read the BTF, but neither root nor the kernel.
    private static BtfDump DumpBtf()
    {
        RequiredTool.CargoPath();
        RequiredTool.BpftoolPath();
        Fixture.Succeeded();
        return Btf.Value;
    }

    // Every occurrence, so the name changes in .BTF's string table whatever else (.debug_str) holds it.
    private static byte[] ReplaceAll(byte[] content, ReadOnlySpan<byte> from, ReadOnlySpan<byte> to)
    {
        byte[] result = [.. content];
        int replaced = 0;
        for (int at = result.AsSpan().IndexOf(from); at >= 0;)
        {
            to.CopyTo(result.AsSpan(at));
            replaced++;
            int next = result.AsSpan(at + from.Length).IndexOf(from);
            at = next < 0 ? -1 : at + from.Length + next;
        }

        Assert.IsGreaterThan(0, replaced, "The object holds no name to corrupt.");
        return result;
    }

    // The cut name ends in '_' and 16 hex digits of a hash of the whole name.
    [GeneratedRegex("^AVeryLongGenericTypeNameThatKeepsGoingAndGoingAndGoing_[A-Za-z0-9_]*_[0-9a-f]{16}$")]
    private static partial Regex HashSuffix();
}
