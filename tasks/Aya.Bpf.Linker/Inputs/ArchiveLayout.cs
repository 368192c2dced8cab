using System.Buffers.Text;

namespace Aya.Bpf.Linker.Inputs;

/// <summary>
/// Checks that every member of an ar archive lies inside the file, before LibObjectFile reads it:
/// LibObjectFile allocates the size a member header claims before it finds the file shorter (7.6 MB
/// for a 526-byte archive whose member claimed 7618758 bytes).
/// </summary>
internal static class ArchiveLayout
{
    private const int SignatureLength = 8;
    private const int HeaderLength = 60;
    private const int SizeFieldOffset = 48;
    private const int SizeFieldLength = 10;

    /// <summary>What is wrong with the layout (a phrase about the file), or null when every member fits.</summary>
    public static string? FindProblem(ReadOnlySpan<byte> archive)
    {
        long at = SignatureLength;
        while (at < archive.Length)
        {
            var left = archive.Length - at;
            if (left < HeaderLength)
                return $"is a truncated ar archive: {left} bytes at byte {at} are too few for a {HeaderLength}-byte ar member header";

            var field = archive.Slice((int)at + SizeFieldOffset, SizeFieldLength).TrimEnd((byte)' ');
            if (!Utf8Parser.TryParse(field, out ulong size, out var used) || used != field.Length)
                return $"is not a readable ar archive: the member header at byte {at} has no decimal size";
            if (size > (ulong)(left - HeaderLength))
                return $"is a truncated ar archive: the member at byte {at} claims {size} bytes, but only {left - HeaderLength} follow its header";

            // Members start at even offsets; the padding after the last one may be missing.
            at += HeaderLength + (long)size + (long)(size & 1);
        }

        return null;
    }
}
