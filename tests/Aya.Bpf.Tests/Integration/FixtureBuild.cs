namespace Aya.Bpf.Tests.Integration;

/// <summary>
/// One fixture project built once, on first use, in its own workspace, so every test of a
/// class can check a different aspect of the same build without paying for a rebuild.
/// </summary>
internal sealed class FixtureBuild : IDisposable
{
    private readonly Lazy<FixtureWorkspace> _workspace = new(FixtureWorkspace.Create);
    private readonly Lazy<BuildResult> _result;

    /// <param name="project">The project, relative to the fixtures directory.</param>
    /// <param name="extraArguments">Further `dotnet build` arguments.</param>
    public FixtureBuild(string project, params string[] extraArguments)
        : this(project, workspace => workspace.Build(project, extraArguments))
    {
    }

    private FixtureBuild(string project, Func<FixtureWorkspace, BuildResult> build)
    {
        Project = project;
        _result = new(() => build(_workspace.Value));
    }

    /// <summary>A plain `dotnet build` of the project: its default (Debug) configuration, no properties.</summary>
    public static FixtureBuild Plain(string project) => new(project, workspace => workspace.BuildPlain(project));

    /// <summary>As <see cref="Plain(string)"/>, once <paramref name="prepare"/> has made the project in the new workspace (e.g. with `dotnet new`).</summary>
    public static FixtureBuild Plain(string project, Action<FixtureWorkspace> prepare) =>
        new(project, workspace =>
        {
            prepare(workspace);
            return workspace.BuildPlain(project);
        });

    /// <summary>The project, relative to the fixtures directory.</summary>
    public string Project { get; }

    /// <summary>The workspace the project is built in, created on first use.</summary>
    public FixtureWorkspace Workspace => _workspace.Value;

    /// <summary>Builds on the first call; later calls return the same result.</summary>
    public BuildResult Result() => _result.Value;

    /// <summary>Builds if needed, fails the test unless the build succeeded, and returns its result.</summary>
    public BuildResult Succeeded()
    {
        BuildResult result = Result();
        Assert.IsTrue(result.Succeeded, $"Building {Project} failed: {result.Describe()}");
        return result;
    }

    public void Dispose()
    {
        if (_workspace.IsValueCreated)
        {
            _workspace.Value.Dispose();
        }
    }
}
