using Aya.Bpf.Linker.Link;
using Aya.Bpf.Linker.Llvm;
using Aya.Bpf.Tests.DebugInfo;
using Aya.Bpf.Tests.Support;

namespace Aya.Bpf.Tests.Link;

[TestClass]
public sealed class UndefinedOperandsTests
{
    [TestInitialize]
    public void Setup() => ToolchainLlvm.EnsureLoaded();

    /// <summary>Every way an undefined value reaches a store, a call or a return becomes zero; defined values stay.</summary>
    [TestMethod]
    public void UndefinedOperandsOfPhisStoresCallsAndReturnsBecomeZero()
    {
        using var context = new LlvmContext();
        using var module = RepairRun.Parse(context, """
            target triple = "bpfel"
            @LAST = global { i32, i32 } zeroinitializer
            @PAIR = global { i32, i32 } zeroinitializer
            declare i64 @use(i64, i64)
            define i64 @prog(i1 %some, i32 %q) section "xdp" {
            entry:
              br i1 %some, label %then, label %join
            then:
              %stamp = add i32 %q, 1
              br label %join
            join:
              %payload = phi i32 [ %stamp, %then ], [ undef, %entry ]
              store i32 %payload, ptr @LAST
              store { i32, i32 } { i32 0, i32 poison }, ptr @PAIR
              %r = call i64 @use(i64 undef, i64 7)
              ret i64 undef
            }
            """);

        var zeroed = UndefinedOperands.Zero(context, module);

        Assert.IsNull(module.Verify());
        var text = module.PrintToText();
        Assert.AreEqual(4, zeroed, text);
        StringAssert.Contains(text, "phi i32 [ %stamp, %then ], [ 0, %entry ]");
        StringAssert.Contains(text, "store { i32, i32 } zeroinitializer, ptr @PAIR");
        StringAssert.Contains(text, "call i64 @use(i64 0, i64 7)");
        StringAssert.Contains(text, "ret i64 0");
        Assert.DoesNotContain("undef", text);
        Assert.DoesNotContain("poison", text);
    }

    [TestMethod]
    public void DefinedCodeIsLeftAlone()
    {
        using var context = new LlvmContext();
        using var module = RepairRun.Parse(context, """
            target triple = "bpfel"
            define i32 @prog(i32 %x) section "xdp" {
              %y = add i32 %x, 1
              ret i32 %y
            }
            """);
        var before = module.PrintToText();

        Assert.AreEqual(0, UndefinedOperands.Zero(context, module));
        Assert.AreEqual(before, module.PrintToText());
    }
}
