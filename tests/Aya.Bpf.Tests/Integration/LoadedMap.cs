using System.Text.Json;

namespace Aya.Bpf.Tests.Integration;

/// <summary>A map the kernel holds, as `bpftool -j map show` describes it.</summary>
/// <param name="Id">The kernel's id for it.</param>
/// <param name="Name">The kernel's name for it: the map's name cut to 15 characters.</param>
/// <param name="Type">bpftool's name for its type, e.g. "hash", "percpu_array", "ringbuf".</param>
/// <param name="Flags">Its map_flags, including any the kernel adds.</param>
/// <param name="KeySize">bytes_key.</param>
/// <param name="ValueSize">bytes_value.</param>
/// <param name="MaxEntries">max_entries.</param>
/// <param name="BtfId">The id of the BTF object created with it; null when it was created without.</param>
internal sealed record LoadedMap(int Id, string Name, string Type, long Flags, long KeySize, long ValueSize, long MaxEntries, int? BtfId)
{
    /// <summary>Reads <c>{"id":1,"type":"hash","name":"COUNTERS","flags":0,"bytes_key":4,...,"btf_id":7}</c>.</summary>
    public static LoadedMap From(JsonElement json) =>
        new(
            json.GetProperty("id").GetInt32(),
            json.TryGetProperty("name", out JsonElement name) ? name.GetString() ?? string.Empty : string.Empty,
            json.GetProperty("type").GetString() ?? string.Empty,
            json.GetProperty("flags").GetInt64(),
            json.GetProperty("bytes_key").GetInt64(),
            json.GetProperty("bytes_value").GetInt64(),
            json.GetProperty("max_entries").GetInt64(),
            json.TryGetProperty("btf_id", out JsonElement btfId) ? btfId.GetInt32() : null);
}
