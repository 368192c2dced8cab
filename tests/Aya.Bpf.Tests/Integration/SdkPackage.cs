namespace Aya.Bpf.Tests.Integration;

/// <summary>
/// The Aya.Bpf.Sdk and Aya.Bpf.Runtime packages built from this checkout, packed once per test
/// run into a feed the fixture workspaces restore from.
/// </summary>
internal static class SdkPackage
{
    private const string PackageId = "Aya.Bpf.Sdk";
    private const string RuntimePackageId = "Aya.Bpf.Runtime";

    // Thread-safe and caching a failure too: a broken pack fails every test with the same
    // output instead of being retried by each of them.
    private static readonly Lazy<PackedSdk> Packed = new(Pack, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Packs the SDK on first use, then returns the feed holding it.</summary>
    public static PackedSdk EnsurePacked() => Packed.Value;

    private static PackedSdk Pack()
    {
        string feed = RepositoryRoot.Combine("artifacts", "test-feed");
        string version = RepositoryRoot.SdkVersion();
        RepositoryPack.Pack(Path.Combine("sdk", "Aya.Bpf.Sdk.csproj"), feed, $"{PackageId}.{version}.nupkg");
        // The runtime too, which .NET fixtures reference to load objects through their skeletons.
        RepositoryPack.Pack(Path.Combine("runtime", "Aya.Bpf.Runtime", "Aya.Bpf.Runtime.csproj"), feed, $"{RuntimePackageId}.{version}.nupkg");
        return new PackedSdk(feed, version, CreateFreshPackagesFolder());
    }

    // Restoring into a cache that already holds Aya.Bpf.Sdk 0.1.0 would reuse the old package
    // instead of the one just packed, so every run starts from an empty cache.
    private static string CreateFreshPackagesFolder()
    {
        string folder = RepositoryRoot.Combine("artifacts", "test-packages");
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        Directory.CreateDirectory(folder);
        return folder;
    }
}
