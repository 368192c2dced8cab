using Microsoft.Build.Utilities;

namespace Aya.Bpf.Tasks;

internal static class LogExtensions
{
    /// <summary>An error with one of our codes, placed on a file when one is to blame.</summary>
    public static void LogCodedError(this TaskLoggingHelper log, string code, string? file, string message) =>
        log.LogError(subcategory: null, code, helpKeyword: null, file, 0, 0, 0, 0, message);
}
