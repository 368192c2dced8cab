using System.Collections;
using Microsoft.Build.Framework;

namespace Aya.Bpf.Tests.Tasks;

/// <summary>A build engine that keeps what a task logs, so a test can run the task without MSBuild.</summary>
internal sealed class RecordingBuildEngine : IBuildEngine3
{
    public List<BuildErrorEventArgs> Errors { get; } = [];
    public List<BuildWarningEventArgs> Warnings { get; } = [];
    public List<BuildMessageEventArgs> Messages { get; } = [];

    public bool ContinueOnError => false;
    public int LineNumberOfTaskNode => 0;
    public int ColumnNumberOfTaskNode => 0;
    public string ProjectFileOfTaskNode => "test.bpfproj";
    public bool IsRunningMultipleNodes => false;

    /// <summary>Everything logged, one line each, for assertion messages.</summary>
    public string Log =>
        string.Join(Environment.NewLine,
            Errors.Select(e => $"error {e.Code}: {e.Message}")
                .Concat(Warnings.Select(w => $"warning {w.Code}: {w.Message}"))
                .Concat(Messages.Select(m => $"message: {m.Message}")));

    public void LogErrorEvent(BuildErrorEventArgs e) => Errors.Add(e);
    public void LogWarningEvent(BuildWarningEventArgs e) => Warnings.Add(e);
    public void LogMessageEvent(BuildMessageEventArgs e) => Messages.Add(e);
    public void LogCustomEvent(CustomBuildEventArgs e) { }

    public bool BuildProjectFile(string projectFileName, string[] targetNames, IDictionary globalProperties, IDictionary targetOutputs) =>
        throw new NotSupportedException();

    public bool BuildProjectFile(string projectFileName, string[] targetNames, IDictionary globalProperties, IDictionary targetOutputs, string toolsVersion) =>
        throw new NotSupportedException();

    public bool BuildProjectFilesInParallel(string[] projectFileNames, string[] targetNames, IDictionary[] globalProperties,
        IDictionary[] targetOutputsPerProject, string[] toolsVersion, bool useResultsCache, bool unloadProjectsOnCompletion) =>
        throw new NotSupportedException();

    public BuildEngineResult BuildProjectFilesInParallel(string[] projectFileNames, string[] targetNames, IDictionary[] globalProperties,
        IList<string>[] removeGlobalProperties, string[] toolsVersion, bool returnTargetOutputs) =>
        throw new NotSupportedException();

    public void Yield() { }
    public void Reacquire() { }
}
