using System.Runtime.InteropServices;
using Aya.Bpf.Linker.Llvm;
using Aya.Bpf.Tests.Support;

namespace Aya.Bpf.Tests.Link;

/// <summary>The check that a library holds every LLVM function the linker binds, made before the first call.</summary>
[TestClass]
public sealed class LlvmLibraryTests
{
    [TestMethod]
    public void TheToolchainsLibLlvm_LacksNothing()
    {
        var handle = NativeLibrary.Load(ToolchainLlvm.EnsureLoaded());
        try
        {
            Assert.IsEmpty(LlvmLibrary.MissingFunctions(handle));
        }
        finally
        {
            NativeLibrary.Free(handle);
        }
    }

    [TestMethod]
    public void ALibraryWithoutThem_LacksEachByName()
    {
        var handle = NativeLibrary.Load("libc.so.6");
        try
        {
            var missing = LlvmLibrary.MissingFunctions(handle);

            CollectionAssert.Contains(missing.ToArray(), "LLVMContextCreate");
            CollectionAssert.Contains(missing.ToArray(), "LLVMRunPasses");
            Assert.IsGreaterThan(100, missing.Count, "every binding is checked, not a sample");
        }
        finally
        {
            NativeLibrary.Free(handle);
        }
    }
}
