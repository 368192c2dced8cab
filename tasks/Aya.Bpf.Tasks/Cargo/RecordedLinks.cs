using Aya.Bpf.Tasks.Link;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Aya.Bpf.Tasks.Cargo;

/// <summary>What collecting the links of the bins that cargo built (or found fresh) came to.</summary>
internal enum LinkCollection
{
    Done,
    Failed,
    /// <summary>A recorded link names inputs that no longer exist; its bin was deleted for cargo to relink.</summary>
    Stale,
}

/// <summary>
/// The links rustc asked for, one per bin: the linker shim writes each link's manifest in place of
/// the bin, so cargo keeps the right one beside a fresh bin (for this build's features and target)
/// and it becomes the bin's current manifest, with its inputs as the link step's inputs.
/// </summary>
internal sealed class RecordedLinks(TaskLoggingHelper log, string manifestPath)
{
    /// <summary>Every bin's link inputs, each item with its bin's metadata.</summary>
    public List<ITaskItem> Inputs { get; } = [];

    /// <param name="bins">The bins to link, with the <c>LinkManifest</c> each link's manifest is kept in.</param>
    /// <param name="mayRelink">False once cargo was asked to relink: a stale link is then not retried.</param>
    public LinkCollection Collect(IReadOnlyList<ITaskItem> bins, IReadOnlyList<CargoArtifact> artifacts, bool mayRelink)
    {
        Inputs.Clear();
        var stale = false;
        foreach (var bin in bins)
        {
            var name = bin.GetMetadata("BpfBin");
            var artifact = artifacts.LastOrDefault(a => a.IsBin && a.TargetName == name);
            if (artifact is null)
            {
                log.LogCodedError(ErrorCodes.NoBinTarget, manifestPath, $"cargo reported no build of the bin {name}; its output is in the build log (-v:n).");
                return LinkCollection.Failed;
            }
            var linkOutput = artifact.Executable ?? artifact.Filenames.FirstOrDefault() ?? "";
            var text = File.Exists(linkOutput) ? File.ReadAllText(linkOutput) : "";
            var inputs = LinkManifestFile.ReadInputs(text);
            if (inputs is null)
            {
                log.LogCodedError(ErrorCodes.LinkNotCaptured, manifestPath,
                    $"cargo's output for {name} ({linkOutput}) was not linked through the SDK's linker shim " +
                    "(is a linker other than bpf-linker set in RUSTFLAGS or a .cargo/config.toml?). Remove that setting, then rebuild (dotnet build --no-incremental).");
                return LinkCollection.Failed;
            }
            if (artifact.Fresh && mayRelink && inputs.Any(input => !File.Exists(input)))
            {
                log.LogMessage(MessageImportance.Normal, $"The link cargo recorded for {name} names inputs that are gone; cargo links it again.");
                ForgetLinkOutput(name, linkOutput, text);
                stale = true;
                continue;
            }
            FileContent.WriteIfDifferent(bin.GetMetadata("LinkManifest"), text);
            foreach (var input in inputs)
            {
                var item = new TaskItem(input);
                // The bin's metadata (its object, manifest...): the link step batches on it.
                bin.CopyMetadataTo(item);
                Inputs.Add(item);
            }
        }
        return stale ? LinkCollection.Stale : LinkCollection.Done;
    }

    /// <summary>
    /// Deletes the bin and the file in deps/ that cargo uplifted it from (the same recorded link):
    /// with either left, cargo would only copy it out again instead of linking.
    /// </summary>
    private static void ForgetLinkOutput(string targetName, string linkOutput, string recordedLink)
    {
        var deps = Path.Combine(Path.GetDirectoryName(linkOutput) ?? ".", "deps");
        if (Directory.Exists(deps))
        {
            foreach (var candidate in Directory.EnumerateFiles(deps, $"{targetName.Replace('-', '_')}-*"))
            {
                if (Path.GetExtension(candidate).Length == 0 && File.ReadAllText(candidate) == recordedLink)
                    File.Delete(candidate);
            }
        }
        File.Delete(linkOutput);
    }
}
