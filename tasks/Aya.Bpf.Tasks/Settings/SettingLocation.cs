using System.Xml;
using System.Xml.Linq;

namespace Aya.Bpf.Tasks.Settings;

/// <summary>
/// The line of the project file that sets a property, so that an error about its value opens there.
/// A property set on the command line or in an imported file has no line here: the error names the
/// project file alone.
/// </summary>
internal sealed class SettingLocation
{
    private readonly Dictionary<string, int> _lines = new(StringComparer.OrdinalIgnoreCase);

    private SettingLocation(string? projectFile) => ProjectFile = projectFile;

    public string? ProjectFile { get; }

    public static SettingLocation Of(string? projectFile)
    {
        var location = new SettingLocation(projectFile);
        if (string.IsNullOrEmpty(projectFile) || !File.Exists(projectFile))
            return location;
        try
        {
            var project = XDocument.Load(projectFile, LoadOptions.SetLineInfo);
            // The last assignment wins in MSBuild, and here too.
            foreach (var property in project.Descendants().Where(e => e.Parent?.Name.LocalName == "PropertyGroup"))
                location._lines[property.Name.LocalName] = ((IXmlLineInfo)property).LineNumber;
        }
        catch (XmlException)
        {
            // MSBuild read the file, so this cannot happen in a build; a file alone is still a place.
        }
        return location;
    }

    /// <summary>The line that sets <paramref name="property"/>; 0 when the project file does not.</summary>
    public int LineOf(string property) => _lines.GetValueOrDefault(property);
}
