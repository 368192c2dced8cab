using Aya.Bpf.Linker.Btf;

namespace Aya.Bpf.Tests.CInputs;

/// <summary>The .BTF and .BTF.ext of an object file, read by the linker's own readers.</summary>
internal sealed record ObjectBtf(BtfData Btf, BtfExtData Ext)
{
    /// <summary>Reads both sections; fails the test when either is missing or unreadable.</summary>
    public static ObjectBtf Read(string objectPath)
    {
        Assert.IsTrue(BtfSections.TryExtract(File.ReadAllBytes(objectPath), out byte[]? bytes, out byte[]? extBytes) && bytes is not null && extBytes is not null,
            $"{objectPath} lacks .BTF or .BTF.ext");
        Assert.IsTrue(BtfReader.TryRead(bytes, out BtfData? btf, out BtfReadError? error) && btf is not null, $"{objectPath} .BTF: {error}");
        Assert.IsTrue(BtfExtReader.TryRead(extBytes, btf.Strings, out BtfExtData? ext, out error) && ext is not null, $"{objectPath} .BTF.ext: {error}");
        return new ObjectBtf(btf, ext);
    }
}
