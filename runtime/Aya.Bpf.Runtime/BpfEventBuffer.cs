using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Aya.Bpf.Runtime;

/// <summary>
/// Records a BPF program sends to user space (<see cref="BpfRingBuffer"/>, <see cref="BpfPerfEventBuffer"/>),
/// read as they arrive or taken as they are. One reader at a time; records read from the kernel
/// and not yet enumerated stay for the next read. Dispose it before its object.
/// </summary>
public abstract class BpfEventBuffer : IDisposable
{
    // How long one native wait lasts: the longest a cancelled enumeration takes to end.
    private const int PollMilliseconds = 100;
    private const int Interrupted = 4;
    private int _reading;

    private protected BpfEventBuffer(string mapName) => MapName = mapName;

    /// <summary>The map read.</summary>
    public string MapName { get; }

    private protected EventSink Sink { get; } = new();

    /// <summary>Takes every record waiting now, without waiting for more.</summary>
    public IReadOnlyList<byte[]> Consume()
    {
        EnterReader();
        try
        {
            ThrowOnFailure(ConsumeNative(), "consume");
            var records = new List<byte[]>();
            while (Sink.TryTake(out var record))
                records.Add(record);
            return records;
        }
        finally
        {
            ExitReader();
        }
    }

    /// <summary>
    /// Every record, as it arrives, until <paramref name="cancellationToken"/> is cancelled (which
    /// ends the enumeration with <see cref="OperationCanceledException"/> within a tenth of a second).
    /// </summary>
    public async IAsyncEnumerable<byte[]> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        EnterReader();
        try
        {
            while (true)
            {
                while (Sink.TryTake(out var record))
                {
                    yield return record;
                }
                cancellationToken.ThrowIfCancellationRequested();
                // The wait runs on the thread pool, and never for longer than one short poll.
                var result = await Task.Run(() => PollNative(PollMilliseconds), CancellationToken.None).ConfigureAwait(false);
                ThrowOnFailure(result, "poll");
            }
        }
        finally
        {
            ExitReader();
        }
    }

    /// <summary>As <see cref="ReadAllAsync(CancellationToken)"/>, each record read as a <typeparamref name="T"/> from its start.</summary>
    public async IAsyncEnumerable<T> ReadAllAsync<T>([EnumeratorCancellation] CancellationToken cancellationToken = default)
        where T : unmanaged
    {
        await foreach (var record in ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return As<T>(record);
        }
    }

    /// <summary>A record as a <typeparamref name="T"/> (a perf sample may carry padding after it).</summary>
    public T As<T>(byte[] record)
        where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.Length >= Unsafe.SizeOf<T>()
            ? MemoryMarshal.Read<T>(record)
            : throw new InvalidDataException($"a record of {MapName} has {record.Length} bytes, fewer than the {Unsafe.SizeOf<T>()} of {typeof(T).Name}");
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
    }

    /// <summary>Waits up to <paramref name="timeoutMilliseconds"/> for records and reads them into <see cref="Sink"/>; a negative errno on failure.</summary>
    private protected abstract int PollNative(int timeoutMilliseconds);

    /// <summary>Reads what is waiting into <see cref="Sink"/>; a negative errno on failure.</summary>
    private protected abstract int ConsumeNative();

    private void ThrowOnFailure(int result, string call)
    {
        Sink.ThrowIfFailed();
        if (result < 0 && result != -Interrupted)
            throw new BpfException($"cannot {call} {MapName}: {Errno.Describe(-result)}", -result, "");
    }

    private protected void EnterReader()
    {
        if (Interlocked.Exchange(ref _reading, 1) != 0)
            throw new InvalidOperationException($"{MapName} is being read already: one reader at a time.");
    }

    private protected void ExitReader() => Volatile.Write(ref _reading, 0);
}
