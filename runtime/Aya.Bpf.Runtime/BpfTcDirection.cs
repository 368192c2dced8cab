namespace Aya.Bpf.Runtime;

/// <summary>Which way of an interface's traffic a TC program sees (libbpf's BPF_TC_INGRESS and BPF_TC_EGRESS).</summary>
public enum BpfTcDirection
{
    Ingress = 1,
    Egress = 2,
}
