namespace Aya.Bpf.Tests.Integration;

/// <summary>The dotnet executable nested builds and packs run with.</summary>
internal static class DotnetCli
{
    /// <summary>
    /// The host that runs these tests when it is known (dotnet test sets DOTNET_HOST_PATH), so
    /// nested commands use the same SDK install; otherwise `dotnet` from PATH.
    /// </summary>
    public static string Executable { get; } = FindExecutable();

    private static string FindExecutable()
    {
        string? host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        return host is not null && File.Exists(host) ? host : "dotnet";
    }
}
