using Aya.Bpf.Linker.Btf;
using Aya.Bpf.Linker.DebugInfo;
using Aya.Bpf.Linker.Diagnostics;
using Aya.Bpf.Tests.DebugInfo;
using Aya.Bpf.Tests.Support;

namespace Aya.Bpf.Tests.Btf;

[TestClass]
public sealed class BtfObjectCheckTests
{
    private const string BadName = "Bad<u8>";

    private const string WithoutDebugInfo = """
        target triple = "bpfel"
        define i32 @prog(ptr %ctx) section "xdp" {
          ret i32 2
        }
        """;

    [TestInitialize]
    public void Setup() => ToolchainLlvm.EnsureLoaded();

    [TestMethod]
    public void AnInvalidNameIsAnErrorNamingTheBtfType()
    {
        var elf = BpfObject.Compile(DebugIr.OneStruct(BadName), repair: false);
        var id = BpfObject.StructId(BpfObject.ReadBtf(elf).Btf, BadName);

        var (ok, log) = Check(elf, new DebugInfoOrigins());

        Assert.IsFalse(ok);
        var error = Assert.ContainsSingle(log.Reported, string.Join("\n", log.Reported));
        Assert.AreEqual(Severity.Error, error.Severity);
        Assert.AreEqual(DiagnosticCodes.BtfInvalid, error.Code);
        Assert.Contains($"[{id}] STRUCT '{BadName}'", error.Message);
        Assert.IsNull(error.File);
    }

    [TestMethod]
    public void TheErrorPointsAtTheRustSourceOfTheType()
    {
        var elf = BpfObject.Compile(DebugIr.OneStruct(BadName), repair: false);
        var origins = new DebugInfoOrigins();
        origins.Add(BadName, new DebugInfoOrigin("type_zoo::Bad<u8>", "/src/main.rs", 12));

        var (ok, log) = Check(elf, origins);

        Assert.IsFalse(ok);
        var error = Assert.ContainsSingle(log.Reported);
        Assert.AreEqual("/src/main.rs", error.File);
        Assert.AreEqual(12, error.Line);
        Assert.Contains("(from `type_zoo::Bad<u8>`)", error.Message);
    }

    [TestMethod]
    public void AnObjectWithoutDebugInfoHasNoBtf()
    {
        var elf = BpfObject.Compile(WithoutDebugInfo, repair: false);

        var (ok, log) = Check(elf, new DebugInfoOrigins());

        Assert.IsFalse(ok);
        Assert.AreEqual(DiagnosticCodes.BtfMissing, Assert.ContainsSingle(log.Reported).Code);
    }

    [TestMethod]
    public void AValidObjectPasses()
    {
        var elf = BpfObject.Compile(DebugIr.OneStruct("Good"), repair: false);

        var (ok, log) = Check(elf, new DebugInfoOrigins());

        Assert.IsTrue(ok, string.Join("\n", log.Reported));
        Assert.IsEmpty(log.Reported);
    }

    private static (bool Ok, DiagnosticLog Log) Check(byte[] elf, DebugInfoOrigins origins)
    {
        var log = new DiagnosticLog(TextWriter.Null);
        var ok = BtfObjectCheck.Check(elf, new Version(6, 1), origins, log);
        return (ok, log);
    }
}
