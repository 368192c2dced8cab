using Aya.Bpf.Linker.Asm;
using Aya.Bpf.Linker.Llvm;

namespace Aya.Bpf.Tests.Asm;

[TestClass]
public sealed class HostCompiledAsmTests
{
    /// <summary>aya-ebpf's check_bounds_signed as rustc for x86_64 writes it (seen in a host build's IR).</summary>
    [TestMethod]
    public void TakesTheHostsDialectModifiersAndClobbersOff()
    {
        var host = new InlineAsmText(
            "if ${4:q} s< ${2:q} goto +2\nif ${4:q} s> ${3:q} goto +1\n${0:q} = 1", "=&r,0,r,r,r,~{dirflag},~{fpsr},~{flags},~{memory}", AsmDialect.Intel);

        var bpf = HostCompiledAsm.ForBpf(host, out var hostOnly);

        Assert.IsNull(hostOnly);
        Assert.AreEqual(new InlineAsmText("if ${4} s< ${2} goto +2\nif ${4} s> ${3} goto +1\n${0} = 1", "=&r,0,r,r,r,~{memory}", AsmDialect.Att), bpf);
    }

    [TestMethod]
    public void KeepsBpfRegistersAndWhatBpfAssemblyAlreadyIs()
    {
        var bpf = new InlineAsmText("r0 = 7", "={r0},{w1},i,~{r2},~{memory}", AsmDialect.Att);

        Assert.AreEqual(bpf, HostCompiledAsm.ForBpf(bpf, out _));
    }

    [TestMethod]
    [DataRow("={ax}", "register {ax}")]
    [DataRow("=&Q", "constraint 'Q'")]
    [DataRow("r,{r12}", "register {r12}")]
    public void NamesWhatOnlyTheHostHas(string constraints, string what)
    {
        Assert.IsNull(HostCompiledAsm.ForBpf(new InlineAsmText("nop", constraints, AsmDialect.Intel), out var hostOnly));
        Assert.AreEqual(what, hostOnly);
    }

    [TestMethod]
    [DataRow("", true)]
    [DataRow("  \n ", true)]
    [DataRow("/* ${0} */", false)]
    public void AnEmptyTemplateIsNoAssembly(string template, bool empty) =>
        Assert.AreEqual(empty, HostCompiledAsm.IsEmpty(new InlineAsmText(template, "r,~{memory}", AsmDialect.Att)));
}
