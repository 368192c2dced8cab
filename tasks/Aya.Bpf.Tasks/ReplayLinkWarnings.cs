using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Aya.Bpf.Tasks;

/// <summary>
/// Reports the warnings each bin's last successful link wrote down, in every build: a link that is
/// up to date does not run again, and its warnings (a panic the verifier will refuse) must not
/// disappear because nothing changed. A link that ran this build reports its warnings here too.
/// </summary>
public sealed class ReplayLinkWarnings : Microsoft.Build.Utilities.Task
{
    /// <summary>The bins' warning files (BpfLink's WarningsFile); missing ones are skipped.</summary>
    public ITaskItem[] Files { get; set; } = [];

    public override bool Execute()
    {
        foreach (var file in Files.Select(item => item.ItemSpec).Distinct(StringComparer.Ordinal).Where(File.Exists))
        {
            // LogMessageFromText recognises the canonical format and logs each line as the warning it is.
            foreach (var line in File.ReadAllLines(file).Where(line => line.Length > 0))
                Log.LogMessageFromText(line, MessageImportance.High);
        }
        return !Log.HasLoggedErrors;
    }
}
