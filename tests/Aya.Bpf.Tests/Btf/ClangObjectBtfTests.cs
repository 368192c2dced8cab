using System.Diagnostics;
using Aya.Bpf.Linker.Btf;
using Aya.Bpf.Tests.Integration;

namespace Aya.Bpf.Tests.Btf;

/// <summary>Reads and validates the BTF that clang-14 writes for a small C program: the kernel accepts it, so must we.</summary>
[TestClass]
public sealed class ClangObjectBtfTests
{
    private const string Source = """
        struct pair { int left; unsigned long right; };
        struct pair shared;
        static __attribute__((noinline)) int helper(struct pair *p) { return p->left + (int)p->right; }
        __attribute__((section("xdp"), used)) int xdp_prog(void *ctx) { shared.left = 1; return helper(&shared); }
        char _license[] __attribute__((section("license"), used)) = "GPL";
        """;

    [TestMethod]
    public void ClangBtfReadsAndValidatesCleanly()
    {
        string clang = RequiredTool.Clang14Path();
        string dir = Directory.CreateTempSubdirectory("btf-clang-").FullName;
        try
        {
            string c = Path.Combine(dir, "x.c");
            string o = Path.Combine(dir, "x.o");
            File.WriteAllText(c, Source);
            Compile(clang, c, o);

            Assert.IsTrue(BtfSections.TryExtract(File.ReadAllBytes(o), out var btfBytes, out var extBytes));
            Assert.IsNotNull(btfBytes);
            Assert.IsNotNull(extBytes);
            Assert.IsTrue(BtfReader.TryRead(btfBytes, out var btf, out var error), error?.ToString());
            Assert.IsTrue(BtfExtReader.TryRead(extBytes, btf!.Strings, out var ext, out error), error?.ToString());

            var names = btf.Types.Select(t => (t.Kind, t.Name)).ToList();
            CollectionAssert.Contains(names, (BtfKind.Func, "xdp_prog"));
            CollectionAssert.Contains(names, (BtfKind.Func, "helper"));
            CollectionAssert.Contains(names, (BtfKind.Struct, "pair"));
            // LLVM leaves DATASEC sizes at 0 for libbpf to fill in; give the validator what libbpf would.
            var options = new BtfValidationOptions { SectionSizes = new Dictionary<string, uint> { [".bss"] = 16, ["license"] = 4 } };
            Assert.IsEmpty(BtfValidator.Validate(btf, options), string.Join(" | ", BtfValidator.Validate(btf, options)));
            Assert.IsEmpty(BtfExtValidator.Validate(ext!, btf), string.Join(" | ", BtfExtValidator.Validate(ext!, btf)));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static void Compile(string clang, string source, string output)
    {
        var start = new ProcessStartInfo(clang) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (string argument in (string[])["-target", "bpf", "-O2", "-g", "-c", source, "-o", output])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        string errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.AreEqual(0, process.ExitCode, errors);
    }
}
