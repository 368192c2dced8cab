namespace Aya.Bpf.Tests.Integration;

/// <summary>What a build's text log (at -v:n) says about the link step of a project.</summary>
internal static class LinkMarkers
{
    /// <summary>True when the link ran and wrote <paramref name="objectPath"/> (the linker's last line).</summary>
    public static bool Linked(BuildResult build, string objectPath) =>
        build.Output.Contains($"Wrote {objectPath} (", StringComparison.Ordinal);

    /// <summary>True when MSBuild skipped the link because its outputs were newer than its inputs.</summary>
    public static bool LinkSkipped(BuildResult build) =>
        build.Output.Contains("Skipping target \"BpfLink\" because all output files are up-to-date", StringComparison.Ordinal);

    /// <summary>Fails the test unless the build succeeded and ran the link.</summary>
    public static void AssertLinked(BuildResult build, string objectPath, string why)
    {
        Assert.IsTrue(build.Succeeded, $"{why}: {build.Describe()}");
        Assert.IsTrue(Linked(build, objectPath), $"{why}: the link did not run. {build.Describe()}");
    }

    /// <summary>Fails the test unless the build succeeded, skipped the link and linked nothing.</summary>
    public static void AssertNotLinked(BuildResult build, string objectPath, string why)
    {
        Assert.IsTrue(build.Succeeded, $"{why}: {build.Describe()}");
        Assert.IsTrue(LinkSkipped(build), $"{why}: the link target was not skipped. {build.Describe()}");
        Assert.IsFalse(Linked(build, objectPath), $"{why}: the linker ran. {build.Describe()}");
    }
}
