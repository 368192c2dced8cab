namespace Aya.Bpf.Runtime;

/// <summary>
/// Where libbpf's callbacks put what a poll delivered: the records, the count of samples the
/// kernel lost, and an exception a callback caught (it must not cross into native code).
/// It references no native handle, so a reader never disposed can still be finalized.
/// </summary>
internal sealed class EventSink
{
    private readonly Lock _lock = new();
    private readonly Queue<byte[]> _records = new();
    private Exception? _failure;
    private long _lost;

    public long Lost
    {
        get
        {
            lock (_lock)
                return _lost;
        }
    }

    public void Add(ReadOnlySpan<byte> record)
    {
        var copy = record.ToArray();
        lock (_lock)
            _records.Enqueue(copy);
    }

    public void AddLost(ulong count)
    {
        lock (_lock)
            _lost += (long)count;
    }

    public void Fail(Exception failure)
    {
        lock (_lock)
            _failure ??= failure;
    }

    public bool TryTake(out byte[] record)
    {
        lock (_lock)
            return _records.TryDequeue(out record!);
    }

    /// <summary>Rethrows what a callback caught, once.</summary>
    public void ThrowIfFailed()
    {
        Exception? failure;
        lock (_lock)
            (failure, _failure) = (_failure, null);
        if (failure is not null)
            throw new BpfException("reading BPF events failed in libbpf's callback", failure);
    }
}
