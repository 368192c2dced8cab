using Aya.Bpf.Linker.Link;
using Aya.Bpf.Linker.Llvm;
using Aya.Bpf.Tests.DebugInfo;
using Aya.Bpf.Tests.Support;

namespace Aya.Bpf.Tests.Link;

[TestClass]
public sealed class UnreachableEndsTests
{
    [TestInitialize]
    public void Setup() => ToolchainLlvm.EnsureLoaded();

    [TestMethod]
    public void EachUnreachableBecomesAReturnOfZeroOrNothing()
    {
        using var context = new LlvmContext();
        using var module = RepairRun.Parse(context, """
            declare void @never_returns() noreturn
            define i32 @value(i1 %c) {
              br i1 %c, label %a, label %b
            a:
              ret i32 1
            b:
              call void @never_returns()
              unreachable
            }
            define void @nothing() {
              call void @never_returns()
              unreachable
            }
            """);

        var replaced = UnreachableEnds.Replace(context, module);

        Assert.AreEqual(2, replaced);
        var text = module.PrintToText();
        Assert.DoesNotContain("unreachable", text);
        Assert.Contains("ret i32 0", text);
        Assert.Contains("ret void", text);
        Assert.IsNull(module.Verify());
    }
}
