namespace Aya.Bpf.Linker.License;

/// <summary>
/// The BPF helpers the kernel lets only GPL-compatible programs call (their <c>bpf_func_proto</c>
/// has <c>gpl_only</c>), by helper number, as of kernel 6.12; the helper list is frozen (new kernel
/// functions are kfuncs). Two helpers are GPL-only for some program types only.
/// </summary>
internal static class GplOnlyHelpers
{
    private static readonly Dictionary<ulong, string> s_always = new()
    {
        [4] = "probe_read",
        [6] = "trace_printk",
        [22] = "perf_event_read",
        [25] = "perf_event_output",
        [35] = "get_current_task",
        [36] = "probe_write_user",
        [45] = "probe_read_str",
        [55] = "perf_event_read_value",
        [56] = "perf_prog_read_value",
        [58] = "override_return",
        [67] = "get_stack",
        [69] = "fib_lookup",
        [77] = "rc_repeat",
        [78] = "rc_keydown",
        [92] = "rc_pointer_rel",
        [100] = "tcp_check_syncookie",
        [110] = "tcp_gen_syncookie",
        [111] = "skb_output",
        [112] = "probe_read_user",
        [113] = "probe_read_kernel",
        [114] = "probe_read_user_str",
        [115] = "probe_read_kernel_str",
        [119] = "read_branch_records",
        [121] = "xdp_output",
        [126] = "seq_printf",
        [127] = "seq_write",
        [150] = "seq_printf_btf",
        [158] = "get_current_task_btf",
        [163] = "check_mtu",
        [165] = "snprintf",
        [169] = "timer_init",
        [170] = "timer_set_callback",
        [171] = "timer_start",
        [172] = "timer_cancel",
        [175] = "task_pt_regs",
        [176] = "get_branch_snapshot",
        [177] = "trace_vprintk",
        [191] = "copy_from_user_task",
        [204] = "tcp_raw_gen_syncookie_ipv4",
        [205] = "tcp_raw_gen_syncookie_ipv6",
        [206] = "tcp_raw_check_syncookie_ipv4",
        [207] = "tcp_raw_check_syncookie_ipv6",
    };

    // get_stackid has a proto without gpl_only for perf_event programs only; get_func_ip for the
    // multi-attach and session kprobes and uprobes.
    private const ulong GetStackId = 27;
    private const ulong GetFuncIp = 173;

    private static readonly string[] s_multiProbeSections =
        ["kprobe.multi", "kretprobe.multi", "kprobe.session", "uprobe.multi", "uretprobe.multi", "uprobe.session", "uretprobe.session"];

    /// <summary>
    /// The helper's name (<c>bpf_probe_read_kernel</c>) when a program in <paramref name="programSection"/>
    /// may call helper <paramref name="id"/> only under a GPL-compatible license; null when any license may.
    /// </summary>
    public static string? Restricted(ulong id, string programSection) => id switch
    {
        GetStackId => programSection == "perf_event" ? null : "bpf_get_stackid",
        GetFuncIp => s_multiProbeSections.Any(prefix => IsSectionOf(programSection, prefix)) ? null : "bpf_get_func_ip",
        _ => s_always.TryGetValue(id, out var name) ? $"bpf_{name}" : null,
    };

    // "kprobe.multi" and "kprobe.multi/vfs_*" are kprobe.multi programs; "kprobe.multiple" would not be.
    private static bool IsSectionOf(string section, string prefix) =>
        section == prefix || (section.StartsWith(prefix, StringComparison.Ordinal) && section[prefix.Length] is '/' or '.');
}
