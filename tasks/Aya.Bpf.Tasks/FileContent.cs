namespace Aya.Bpf.Tasks;

internal static class FileContent
{
    /// <summary>
    /// Writes the text unless the file already holds it: an unchanged file keeps its timestamp,
    /// which keeps the targets that read it up to date.
    /// </summary>
    /// <returns>True when the file was written.</returns>
    public static bool WriteIfDifferent(string path, string text)
    {
        if (File.Exists(path) && File.ReadAllText(path) == text)
            return false;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, text);
        return true;
    }
}
