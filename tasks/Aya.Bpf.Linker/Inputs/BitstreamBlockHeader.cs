namespace Aya.Bpf.Linker.Inputs;

/// <summary>A block's id, abbreviation width and where its content lies (in bytes from the stream start).</summary>
internal readonly record struct BitstreamBlockHeader(ulong BlockId, int AbbrevWidth, long ContentStart, long ContentLength)
{
    public long ContentEnd => ContentStart + ContentLength;
}
