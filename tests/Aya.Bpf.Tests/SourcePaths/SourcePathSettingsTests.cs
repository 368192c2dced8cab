using Aya.Bpf.Tasks.Link;
using Aya.Bpf.Tests.Tasks;

namespace Aya.Bpf.Tests.SourcePaths;

[TestClass]
public sealed class SourcePathSettingsTests
{
    [TestMethod]
    public void TheAreaIsTheGitRepositoryAroundTheWorkspace()
    {
        using var temp = new TempDirectory();
        Directory.CreateDirectory(temp.Combine("repo", ".git"));
        Directory.CreateDirectory(temp.Combine("repo", "ebpf", "ws"));

        var settings = SourcePathSettings.For(temp.Combine("repo", "ebpf", "ws"), "/home/u/.cargo", rustSysroot: null);

        Assert.AreEqual(temp.Combine("repo"), settings.Area);
        Assert.AreEqual(temp.Combine("repo", "ebpf", "ws"), settings.Root);
    }

    [TestMethod]
    public void AWorktreesGitFileMarksTheRepositoryToo()
    {
        using var temp = new TempDirectory();
        temp.Write("tree/.git", "gitdir: /elsewhere/.git/worktrees/tree\n");

        Assert.AreEqual(temp.Combine("tree"), SourcePathSettings.RepositoryRoot(temp.Combine("tree")));
    }

    [TestMethod]
    public void DropsCargoHomesAndRustSrcsPrefixes()
    {
        var settings = SourcePathSettings.For("/nonexistent/ws", "/home/u/.cargo", "/home/u/.rustup/toolchains/stable");

        CollectionAssert.AreEquivalent(
            new[] { "/home/u/.cargo/registry/src", "/home/u/.cargo/git/checkouts", "/home/u/.rustup/toolchains/stable/lib/rustlib/src/rust" },
            settings.PathMap.Select(p => p.From).ToArray());
        Assert.IsTrue(settings.PathMap.All(p => p.To.Length == 0));
    }

    [TestMethod]
    public void CargoHomeIsTheVariable_ElseDotCargoInHome()
    {
        Assert.AreEqual("/opt/cargo", SourcePathSettings.CargoHome(name => name == "CARGO_HOME" ? "/opt/cargo" : "/home/u"));
        Assert.AreEqual("/home/u/.cargo", SourcePathSettings.CargoHome(name => name == "HOME" ? "/home/u" : null));
    }
}
