using Aya.Bpf.Tests.Integration;

namespace Aya.Bpf.Tests.Templates;

/// <summary>
/// aya-kprobe: counts a kernel function's calls per process. This kernel has no kprobes to attach
/// to, so the tests stop at the load: the program in the function's section, and its map.
/// </summary>
[TestClass]
public sealed class KprobeTemplateTests : TemplateTests
{
    private static readonly TemplateInstance Kprobe = new(
        "aya-kprobe", "42 probes", ["--program", "count_connects", "--map", "CONNECTS", "--function", "tcp_connect"],
        CrateName: "bpf-42-probes", Program: "count_connects", ProgramType: "kprobe", Section: "kprobe/tcp_connect",
        Map: new ExpectedMap("CONNECTS", "hash", KeySize: 4, ValueSize: 8, MaxEntries: 1024), MapValue: "INT 'u64'");

    private static readonly FixtureBuild Fixture = NewBuild(Kprobe);

    private protected override FixtureBuild Build => Fixture;

    private protected override TemplateInstance Instance => Kprobe;

    protected override IReadOnlyList<string> ReadmeExcerpts =>
    [
        "bpftool prog loadall bin/Release/bpf-42-probes.bpf.o /sys/fs/bpf/bpf-42-probes autoattach",
        "`kprobe/tcp_connect`",
        "`KProbe::attach(\"tcp_connect\", 0)`",
    ];

    [ClassCleanup]
    public static void Cleanup() => Fixture.Dispose();
}
