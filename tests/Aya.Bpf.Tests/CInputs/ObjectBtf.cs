using Aya.Bpf.Linker.Btf;

namespace Aya.Bpf.Tests.CInputs;

/// <summary>The .BTF and .BTF.ext of an object file, read by the linker's own readers, and its executable sections' sizes.</summary>
internal sealed record ObjectBtf(BtfData Btf, BtfExtData Ext, IReadOnlyDictionary<string, uint> CodeSections)
{
    /// <summary>Reads both sections; fails the test when either is missing or unreadable.</summary>
    public static ObjectBtf Read(string objectPath)
    {
        BtfSections? sections = BtfSections.TryRead(File.ReadAllBytes(objectPath));
        byte[]? bytes = sections?.Btf, extBytes = sections?.BtfExt;
        Assert.IsTrue(sections is not null && bytes is not null && extBytes is not null, $"{objectPath} lacks .BTF or .BTF.ext");
        Assert.IsTrue(BtfReader.TryRead(bytes, out BtfData? btf, out BtfReadError? error) && btf is not null, $"{objectPath} .BTF: {error}");
        Assert.IsTrue(BtfExtReader.TryRead(extBytes, btf.Strings, out BtfExtData? ext, out error) && ext is not null, $"{objectPath} .BTF.ext: {error}");
        return new ObjectBtf(btf, ext, sections.CodeSectionSizes);
    }

    /// <summary>What the linker's CO-RE record check says of this object's records, one violation a line.</summary>
    public string CoreRecordViolations() => string.Join(Environment.NewLine, BtfCoreRecordValidator.Validate(Ext, Btf, CodeSections));
}
