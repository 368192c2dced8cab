using System.Buffers.Binary;
using Aya.Bpf.Linker.Maps;

namespace Aya.Bpf.Tests.Maps;

[TestClass]
public sealed class LegacyMapDefinitionTests
{
    [TestMethod]
    [DataRow(false, DisplayName = "bpfel")]
    [DataRow(true, DisplayName = "bpfeb")]
    public void ReadsAllSevenFieldsInTheTargetsByteOrder(bool bigEndian)
    {
        var definition = LegacyMapDefinition.Parse(Words(bigEndian, 1, 4, 16, 64, 1, 7, 1), bigEndian);

        Assert.AreEqual(new LegacyMapDefinition(1, 4, 16, 64, 1, 7, 1), definition);
    }

    [TestMethod]
    public void IdAndPinningAreOptional()
    {
        var definition = LegacyMapDefinition.Parse(Words(false, 2, 4, 8, 1, 0), bigEndian: false);

        Assert.AreEqual(new LegacyMapDefinition(2, 4, 8, 1, 0, 0, 0), definition);
    }

    [TestMethod]
    public void FewerThanFiveFieldsIsNoDefinition()
    {
        Assert.IsNull(LegacyMapDefinition.Parse(Words(false, 1, 4, 8, 1), bigEndian: false));
    }

    private static byte[] Words(bool bigEndian, params uint[] values)
    {
        var bytes = new byte[values.Length * 4];
        for (var i = 0; i < values.Length; i++)
        {
            if (bigEndian)
                BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(i * 4), values[i]);
            else
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i * 4), values[i]);
        }
        return bytes;
    }
}
