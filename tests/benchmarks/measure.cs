// Runs a command and writes "<wall microseconds> <peak RSS KiB>" to a file: the fallback of
// tests/benchmarks/run on machines without GNU time (/usr/bin/time -f %M).
//
//   dotnet build measure.cs -o <dir>; <dir>/measure <out-file> <command> [arguments...]
//
// The peak RSS is getrusage(RUSAGE_CHILDREN)'s ru_maxrss once the command has exited: the largest
// peak of any single process in its tree that was waited for (the same figure GNU time reports),
// not a sum over processes. The command is this process's only child, so nothing else counts.
// The wall time is taken here, around the child alone, so this helper's own start-up is excluded.
// Exits with the command's exit status.

#:property AllowUnsafeBlocks=true

using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

if (args.Length < 2)
{
    Console.Error.WriteLine("usage: measure <out-file> <command> [arguments...]");
    return 2;
}

ProcessStartInfo start = new(args[1]) { UseShellExecute = false };
foreach (string argument in args[2..])
{
    start.ArgumentList.Add(argument);
}

Stopwatch clock = Stopwatch.StartNew();
using Process child = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {args[1]}");
child.WaitForExit();
long wallMicroseconds = (long)clock.Elapsed.TotalMicroseconds;

// RUSAGE_CHILDREN is -1; ru_maxrss is in KiB on Linux.
if (NativeMethods.GetRUsage(-1, out NativeMethods.RUsage usage) != 0)
{
    Console.Error.WriteLine($"getrusage failed: errno {Marshal.GetLastPInvokeError()}");
    return 2;
}

File.WriteAllText(args[0], string.Create(CultureInfo.InvariantCulture, $"{wallMicroseconds} {usage.MaxRss}\n"));
return child.ExitCode;

internal static partial class NativeMethods
{
    [LibraryImport("libc", EntryPoint = "getrusage", SetLastError = true)]
    internal static partial int GetRUsage(int who, out RUsage usage);

    /// <summary>Linux's struct rusage on 64-bit: two timevals, then 14 longs.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct RUsage
    {
        public long UserSeconds;
        public long UserMicroseconds;
        public long SystemSeconds;
        public long SystemMicroseconds;
        public long MaxRss;
        public long IxRss;
        public long IdRss;
        public long IsRss;
        public long MinFlt;
        public long MajFlt;
        public long NSwap;
        public long InBlock;
        public long OuBlock;
        public long MsgSnd;
        public long MsgRcv;
        public long NSignals;
        public long NVCsw;
        public long NIvCsw;
    }
}
