namespace Aya.Bpf.Runtime;

/// <summary>libbpf or the kernel refused a call: <see cref="ErrorCode"/> is the errno, <see cref="Log"/> what libbpf printed.</summary>
public class BpfException : Exception
{
    public BpfException(string message, int errorCode, string log)
        : base(log.Length == 0 ? message : $"{message}{Environment.NewLine}{log.TrimEnd()}")
    {
        ErrorCode = errorCode;
        Log = log;
    }

    public BpfException(string message)
        : this(message, 0, "")
    {
    }

    public BpfException()
        : this("a BPF call failed")
    {
    }

    public BpfException(string message, Exception innerException)
        : base(message, innerException) => Log = "";

    /// <summary>The errno of the failure (e.g. 13, EACCES, for a program the verifier refused); 0 when none.</summary>
    public int ErrorCode { get; }

    /// <summary>What libbpf printed during the call: its warnings and, for a refused program, the verifier's log.</summary>
    public string Log { get; }
}

/// <summary>The object names no program or map of that name.</summary>
public sealed class BpfNotFoundException : BpfException
{
    public BpfNotFoundException(string message)
        : base(message)
    {
    }

    public BpfNotFoundException()
    {
    }

    public BpfNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>The system has no libbpf 1.x (<c>libbpf.so.1</c>; on Debian and Ubuntu, the package <c>libbpf1</c>).</summary>
public sealed class LibbpfMissingException : BpfException
{
    public LibbpfMissingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public LibbpfMissingException(string message)
        : base(message)
    {
    }

    public LibbpfMissingException()
    {
    }
}
