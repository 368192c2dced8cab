using Aya.Bpf.Tests.Integration;

namespace Aya.Bpf.Tests.Templates;

/// <summary>A template instantiated with options other than its defaults, and what they must make of it.</summary>
/// <param name="ShortName">The template's short name, e.g. aya-xdp.</param>
/// <param name="Name">The `-n` name, which becomes the crate's and the project's name.</param>
/// <param name="Options">The template's own options, e.g. <c>--program count_sources</c>.</param>
/// <param name="CrateName">The cargo package and bin name (and the .bpfproj's) the name must become.</param>
/// <param name="Program">The program's name, given by <c>--program</c>.</param>
/// <param name="ProgramType">bpftool's name for the program's type.</param>
/// <param name="Section">The ELF section the program must be in.</param>
/// <param name="Map">The map <c>--map</c> names, as the kernel must create it.</param>
/// <param name="MapValue">The map's value type in the object's BTF, as <see cref="BtfDump.Resolve"/> shows it.</param>
/// <param name="AppName">
/// For a template of a .NET app with its crate: the app's project name, which is built (and builds the
/// crate, in the subfolder named <paramref name="CrateName"/>); null for a template of a crate alone.
/// </param>
internal sealed record TemplateInstance(
    string ShortName,
    string Name,
    string[] Options,
    string CrateName,
    string Program,
    string ProgramType,
    string Section,
    ExpectedMap Map,
    string MapValue,
    string? AppName = null)
{
    /// <summary>The instance's folder, relative to the workspace.</summary>
    public string Folder => $"{TemplatePackage.InstancesFolder}/{ShortName}";

    /// <summary>The folder of the crate and its .bpfproj, relative to the workspace.</summary>
    public string CrateFolder => AppName is null ? Folder : $"{Folder}/{CrateName}";

    /// <summary>The project to build, relative to the workspace: the app's if there is one, else the .bpfproj.</summary>
    public string Project => AppName is null ? $"{CrateFolder}/{CrateName}.bpfproj" : $"{Folder}/{AppName}.csproj";

    /// <summary>The object a plain `dotnet build` (Debug) writes, relative to the workspace.</summary>
    public string ObjectFile => $"{CrateFolder}/bin/Debug/{CrateName}.bpf.o";
}
