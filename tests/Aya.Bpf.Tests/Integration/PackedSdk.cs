namespace Aya.Bpf.Tests.Integration;

/// <summary>Where this run's freshly packed SDK is and how to restore it.</summary>
/// <param name="FeedDirectory">Local NuGet feed holding the packed Aya.Bpf.Sdk.</param>
/// <param name="Version">Its version, as pinned in the repository's global.json.</param>
/// <param name="PackagesFolder">The NuGet package cache, emptied for this run.</param>
internal sealed record PackedSdk(string FeedDirectory, string Version, string PackagesFolder);
