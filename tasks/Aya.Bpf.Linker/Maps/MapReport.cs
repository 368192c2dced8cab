namespace Aya.Bpf.Linker.Maps;

/// <summary>Collects the violations of one map: every message is filed under the (outer) map's name and VAR id.</summary>
internal sealed class MapReport(string mapName, uint typeId, List<MapViolation> sink)
{
    public void Add(string message) => sink.Add(new MapViolation(mapName, typeId, message));
}
