using Aya.Bpf.Linker.Diagnostics;
using Aya.Bpf.Linker.Inputs;

namespace Aya.Bpf.Tests.Inputs;

/// <summary>A temporary directory for input files, and the collector run against them with a captured log.</summary>
internal sealed class InputScratch : IDisposable
{
    public InputScratch() =>
        Directory = System.IO.Directory.CreateTempSubdirectory("aya-bpf-inputs-").FullName;

    public string Directory { get; }

    public StringWriter Output { get; } = new();

    public DiagnosticLog Log => field ??= new DiagnosticLog(Output);

    public string Write(string name, byte[] content)
    {
        var path = Path.Combine(Directory, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    public IReadOnlyList<BitcodeBlob> Collect(string path) => BitcodeCollector.Collect(path, Log);

    public IReadOnlyList<BitcodeBlob> Collect(string name, byte[] content) => Collect(Write(name, content));

    public Diagnostic SingleError(string expectedCode)
    {
        var diagnostic = Assert.ContainsSingle(Log.Reported);
        Assert.AreEqual(Severity.Error, diagnostic.Severity);
        Assert.AreEqual(expectedCode, diagnostic.Code, diagnostic.Message);
        return diagnostic;
    }

    public void Dispose()
    {
        Output.Dispose();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
