using Aya.Bpf.Linker.Diagnostics;
using Aya.Bpf.Linker.Skeleton;

namespace Aya.Bpf.Linker.Cli;

/// <summary>
/// The <c>skeleton</c> command (see <see cref="Usage"/>): writes
/// the object's C# skeleton. The file is rewritten only when its text changes, so that the projects
/// compiling it are not rebuilt for a relink that changed no type.
/// </summary>
internal static class SkeletonCommand
{
    public const string Usage = "skeleton <object> <output.cs> <namespace> --as-given | <project name> --from-project-name";

    public static int Run(string[] args, TextWriter output)
    {
        var log = new DiagnosticLog(output);
        if (args is not [var objectPath, var outputPath, var namespaceText, var form] || form is not ("--as-given" or "--from-project-name"))
        {
            log.Error(DiagnosticCodes.UsageError, $"usage: Aya.Bpf.Linker {Usage}");
            return 2;
        }
        var namespaceName = form == "--as-given" ? CSharpNames.Namespace(namespaceText) : CSharpNames.Pascal(namespaceText);
        var what = $"the C# skeleton of {Path.GetFileName(objectPath)}";
        return GeneratedFile.Generate(log, what, objectPath, DiagnosticCodes.SkeletonUnreadable, () =>
        {
            var bpfObject = SkeletonObjectReader.Read(Path.GetFileName(objectPath), File.ReadAllBytes(objectPath), out var error);
            if (bpfObject is null)
            {
                log.Error(DiagnosticCodes.SkeletonUnreadable, $"cannot write {what}: {error}.", objectPath);
                return 1;
            }
            GeneratedFile.WriteIfDifferent(outputPath, SkeletonWriter.Write(bpfObject, namespaceName));
            return 0;
        });
    }
}
