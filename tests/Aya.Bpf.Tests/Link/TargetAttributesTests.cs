using Aya.Bpf.Linker.Link;
using Aya.Bpf.Linker.Llvm;
using Aya.Bpf.Tests.DebugInfo;
using Aya.Bpf.Tests.Support;

namespace Aya.Bpf.Tests.Link;

/// <summary>The attributes rustc stamps on functions are gone after Clear, read back from the printed module.</summary>
[TestClass]
public sealed class TargetAttributesTests
{
    // Two functions with what rustc for x86_64 gives them: the target's, then the host's.
    private const string Program = """
        target triple = "bpfel"
        define i32 @prog(ptr %ctx) #0 {
          %r = call i32 @helper()
          ret i32 %r
        }
        define internal i32 @helper() #0 {
          ret i32 2
        }
        attributes #0 = { nounwind uwtable nonlazybind "target-cpu"="x86-64" "target-features"="+sse2,+fxsr" "tune-cpu"="generic" "probe-stack"="inline-asm" "stack-probe-size"="4096" }
        """;

    private static readonly string[] s_target = ["target-cpu", "target-features"];
    private static readonly string[] s_host = ["tune-cpu", "probe-stack", "stack-probe-size", "uwtable", "nonlazybind"];

    [TestInitialize]
    public void Setup() => ToolchainLlvm.EnsureLoaded();

    [TestMethod]
    public void ABpfBuild_LosesTheTargetsAttributes_AndKeepsTheRest()
    {
        var attributes = Cleared(fromHost: false);

        foreach (var name in s_target)
            Assert.DoesNotContain(name, attributes);
        foreach (var name in s_host.Append("nounwind"))
            Assert.Contains(name, attributes, "only a host build clears the host's");
    }

    [TestMethod]
    public void AHostBuild_LosesTheTargetsAndTheHostsAttributes()
    {
        var attributes = Cleared(fromHost: true);

        foreach (var name in s_target.Concat(s_host))
            Assert.DoesNotContain(name, attributes);
        Assert.Contains("nounwind", attributes, "what is no host's stays");
    }

    // The attribute groups of the printed module after Clear: every function's.
    private static string Cleared(bool fromHost)
    {
        using var context = new LlvmContext();
        using var module = RepairRun.Parse(context, Program);

        TargetAttributes.Clear(module, fromHost);

        var text = module.PrintToText();
        var groups = text.Split('\n').Where(line => line.StartsWith("attributes #", StringComparison.Ordinal)).ToList();
        Assert.IsNotEmpty(groups, text);
        Assert.AreEqual(2, text.Split('\n').Count(line => line.StartsWith("define", StringComparison.Ordinal) && line.Contains(" #", StringComparison.Ordinal)), text);
        return string.Join("\n", groups);
    }
}
