using Aya.Bpf.Runtime;

namespace Aya.Bpf.Tests.Runtime;

/// <summary>Objects the runtime tests open and load: a load that throws leaves nothing open.</summary>
internal static class LoadedObjects
{
    public static BpfObject Load(string path)
    {
        BpfObject bpf = BpfObject.Open(path);
        try
        {
            bpf.Load();
            return bpf;
        }
        catch
        {
            bpf.Dispose();
            throw;
        }
    }
}
