using LibObjectFile.Diagnostics;

namespace Aya.Bpf.Linker.Inputs;

/// <summary>Turns LibObjectFile's diagnostics into one phrase for our own messages.</summary>
internal static class ObjectFileDiagnostics
{
    public static string FirstError(DiagnosticBag diagnostics)
    {
        foreach (var message in diagnostics.Messages)
        {
            if (message.Kind == DiagnosticKind.Error)
            {
                // Later errors of the reader mostly restate the first one.
                return message.Message.Trim().TrimEnd('.').ReplaceLineEndings(" ");
            }
        }

        return "no details given";
    }
}
