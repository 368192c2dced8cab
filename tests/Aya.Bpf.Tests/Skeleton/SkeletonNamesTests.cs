using Aya.Bpf.Linker.Cli;
using Aya.Bpf.Linker.Skeleton;

namespace Aya.Bpf.Tests.Skeleton;

/// <summary>Rust and C names made C# names, and the skeleton command's errors.</summary>
[TestClass]
public sealed class SkeletonNamesTests
{
    [TestMethod]
    [DataRow("MAX_LENGTH", "MaxLength")]
    [DataRow("data_end", "DataEnd")]
    [DataRow("XdpMd", "XdpMd")]
    [DataRow("maps_btf", "MapsBtf")]
    [DataRow("Wrapper_u8", "WrapperU8")]
    [DataRow("type", "Type")]
    [DataRow("globals.bpf", "GlobalsBpf")]
    [DataRow("aya-app-ebpf", "AyaAppEbpf")]
    [DataRow("2d_point", "_2dPoint")]
    [DataRow("", "Anonymous")]
    [DataRow("__", "Anonymous")]
    public void Pascal_MakesRustAndCNamesCSharpNames(string name, string expected) => Assert.AreEqual(expected, CSharpNames.Pascal(name));

    [TestMethod]
    [DataRow("MyCompany.Bpf", "MyCompany.Bpf")]
    [DataRow("my_ns.inner", "my_ns.inner")]
    [DataRow("aya-app.ebpf", "AyaApp.ebpf")]
    [DataRow("", "Bpf")]
    [DataRow("My.event.class", "My.@event.@class")]
    public void Namespace_KeepsPartsThatAreCSharpNames(string name, string expected) => Assert.AreEqual(expected, CSharpNames.Namespace(name));

    [TestMethod]
    public void NameScope_NumbersASecondTaker()
    {
        var scope = new NameScope("Counter");
        CollectionAssert.AreEqual(new[] { "Counter2", "Bytes", "Bytes2" }, new[] { scope.Take("Counter"), scope.Take("Bytes"), scope.Take("Bytes") });
    }

    [TestMethod]
    public void SkeletonOfAFileThatIsNotAnObject_IsBpf6001AtTheFile()
    {
        var directory = Directory.CreateTempSubdirectory("aya-skeleton-");
        try
        {
            var notElf = Path.Combine(directory.FullName, "broken.bpf.o");
            File.WriteAllText(notElf, "not an ELF object");
            var output = new StringWriter();

            var exitCode = SkeletonCommand.Run([notElf, Path.Combine(directory.FullName, "broken.cs"), "Broken", "--as-given"], output);

            Assert.AreEqual(1, exitCode);
            StringAssert.StartsWith(output.ToString(), $"{notElf} : error BPF6001: cannot write the C# skeleton of broken.bpf.o: it is not a readable ELF object.");
            Assert.IsFalse(File.Exists(Path.Combine(directory.FullName, "broken.cs")), "no skeleton is written");
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [TestMethod]
    public void SkeletonCommandWithoutItsArguments_IsAUsageError()
    {
        var output = new StringWriter();

        Assert.AreEqual(2, SkeletonCommand.Run(["only.o"], output));
        StringAssert.Contains(output.ToString(), "error BPF2000: usage: Aya.Bpf.Linker skeleton <object>");
    }
}
