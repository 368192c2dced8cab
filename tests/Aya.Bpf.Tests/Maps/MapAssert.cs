using Aya.Bpf.Linker.Maps;

namespace Aya.Bpf.Tests.Maps;

/// <summary>Asserts on the map violations.</summary>
internal static class MapAssert
{
    public static void None(IReadOnlyList<MapViolation> violations) =>
        Assert.IsEmpty(violations, string.Join(" | ", violations));

    public static void Single(IReadOnlyList<MapViolation> violations, string mapName, string message)
    {
        var violation = Assert.ContainsSingle(violations, string.Join(" | ", violations));
        Assert.AreEqual(mapName, violation.MapName);
        Assert.AreEqual(message, violation.Message);
    }
}
