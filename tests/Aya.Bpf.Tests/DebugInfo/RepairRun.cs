using System.Text;
using Aya.Bpf.Linker.DebugInfo;
using Aya.Bpf.Linker.Llvm;

namespace Aya.Bpf.Tests.DebugInfo;

/// <summary>One text-IR module before and after <see cref="DebugInfoRepair.Apply"/>.</summary>
internal sealed record RepairRun(DebugInfoRepairResult Result, string Before, PrintedMetadata After)
{
    /// <summary>Parses <paramref name="ir"/>, repairs its debug info and checks that the module is still valid.</summary>
    public static RepairRun Of(string ir)
    {
        using var context = new LlvmContext();
        using var module = Parse(context, ir);
        var before = module.PrintToText();

        var result = DebugInfoRepair.Apply(context, module);

        Assert.IsNull(module.Verify());
        return new RepairRun(result, before, new PrintedMetadata(module.PrintToText()));
    }

    /// <summary>Parses <paramref name="ir"/> and checks that it is a valid module.</summary>
    public static LlvmModule Parse(LlvmContext context, string ir)
    {
        var module = LlvmModule.TryParse(context, Encoding.UTF8.GetBytes(ir), isTextIr: true, "test.ll", out var error);
        Assert.IsNotNull(module, $"{error}\n{ir}");
        Assert.IsNull(module.Verify(), ir);
        return module;
    }

    /// <summary>The repair left the module exactly as it was.</summary>
    public void AssertUnchanged() => Assert.AreEqual(Before, After.Text);
}
