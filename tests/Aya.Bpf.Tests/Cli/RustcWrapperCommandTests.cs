using Aya.Bpf.Linker.Cli;

namespace Aya.Bpf.Tests.Cli;

[TestClass]
public sealed class RustcWrapperCommandTests
{
    private static readonly string[] BpfCfgs = ["target_arch=\"bpf\"", "target_os=\"none\""];

    [TestMethod]
    public void DropsOnlyTheBpfCfgs()
    {
        string[] command = ["rustc", "--crate-name", "cty", "--cfg", "feature=\"std\"", "-Clinker-plugin-lto", "--cfg", "target_arch=\"bpf\"", "--cfg=target_os=\"none\"", "-Aexplicit_builtin_cfgs_in_flags"];

        CollectionAssert.AreEqual(
            new[] { "rustc", "--crate-name", "cty", "--cfg", "feature=\"std\"", "-Clinker-plugin-lto", "-Aexplicit_builtin_cfgs_in_flags" },
            RustcWrapperCommand.WithoutCfgs(command, BpfCfgs));
    }

    [TestMethod]
    public void TellsRustcsErrorDiagnosticsAndTheirCodes()
    {
        Assert.IsTrue(RustcWrapperCommand.IsErrorDiagnostic("""{"$message_type":"diagnostic","message":"the name `arch` is defined multiple times","code":{"code":"E0428","explanation":"..."},"level":"error","spans":[]}""", out var code));
        Assert.AreEqual("E0428", code);
        Assert.IsTrue(RustcWrapperCommand.IsErrorDiagnostic("""{"$message_type":"diagnostic","message":"aborting due to 1 previous error","code":null,"level":"error","spans":[]}""", out code));
        Assert.IsNull(code);
        Assert.IsFalse(RustcWrapperCommand.IsErrorDiagnostic("""{"$message_type":"diagnostic","message":"unused","code":{"code":"unused_variables"},"level":"warning"}""", out _));
        Assert.IsFalse(RustcWrapperCommand.IsErrorDiagnostic("""{"artifact":"/t/libcty.rmeta","emit":"metadata"}""", out _));
        Assert.IsFalse(RustcWrapperCommand.IsErrorDiagnostic("error: plain text", out _));
    }
}
