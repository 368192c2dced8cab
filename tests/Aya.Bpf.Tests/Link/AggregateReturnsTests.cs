using Aya.Bpf.Linker.Link;
using Aya.Bpf.Linker.Llvm;
using Aya.Bpf.Tests.DebugInfo;
using Aya.Bpf.Tests.Support;

namespace Aya.Bpf.Tests.Link;

[TestClass]
public sealed class AggregateReturnsTests
{
    // Rust's Option<u32> out of a function it was told not to inline, stored by the caller.
    private const string PairReturn = """
        target triple = "bpfel"
        @LAST = global { i32, i32 } zeroinitializer
        define internal { i32, i32 } @queue_of(i32 %q) noinline {
          %some = icmp ugt i32 %q, 5
          %tag = zext i1 %some to i32
          %pair = insertvalue { i32, i32 } undef, i32 %tag, 0
          %full = insertvalue { i32, i32 } %pair, i32 %q, 1
          %result = select i1 %some, { i32, i32 } %full, { i32, i32 } %pair
          ret { i32, i32 } %result
        }
        define i32 @prog(ptr %ctx) section "xdp" {
          %q = load i32, ptr %ctx
          %v = call { i32, i32 } @queue_of(i32 %q) noinline
          store { i32, i32 } %v, ptr @LAST
          ret i32 2
        }
        """;

    [TestMethod]
    public void AFunctionReturningAPairIsInlinedIntoItsCallers_EvenWhenToldNotToBe()
    {
        using var machine = ToolchainLlvm.BpfMachine();
        using var context = new LlvmContext();
        using var module = RepairRun.Parse(context, PairReturn);

        Assert.AreEqual(1, AggregateReturns.InlineIntoCallers(context, module));
        Assert.IsNull(module.Verify());
        Assert.IsNull(machine.RunPasses(module, "default<O2>"));

        Assert.IsFalse(module.Functions.Any(f => f.Name == "queue_of"), module.PrintToText());
    }

    [TestMethod]
    public void EntryPointsAndScalarReturnsAreLeftAlone()
    {
        using var context = new LlvmContext();
        using var module = RepairRun.Parse(context, """
            target triple = "bpfel"
            define internal i64 @scalar(i64 %x) noinline {
              ret i64 %x
            }
            define { i64, i64 } @exported(i64 %x) {
              %p = insertvalue { i64, i64 } zeroinitializer, i64 %x, 0
              ret { i64, i64 } %p
            }
            """);

        Assert.AreEqual(0, AggregateReturns.InlineIntoCallers(context, module));
        Assert.IsTrue(AggregateReturns.CannotReturn(module.Functions.Single(f => f.Name == "exported")));
        Assert.IsFalse(AggregateReturns.CannotReturn(module.Functions.Single(f => f.Name == "scalar")));
    }
}
