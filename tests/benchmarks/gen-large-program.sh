#!/usr/bin/env bash
# Writes a large #![no_core] XDP crate (and its .bpfproj) for the link benchmark.
#
#   gen-large-program.sh <crate-dir> <functions> <maps>
#
# <crate-dir> must sit beside copies of tests/fixtures/minicore and minimaps (the crate depends
# on ../minicore and ../minimaps, as the fixtures do).
#
# Shape, chosen so the verifier accepts the object and the optimiser cannot throw work away:
# - <maps> legacy maps (minimaps wrappers in the section `maps`), cycling through every map type
#   an XDP program may use with a helper; hash-like maps get a value struct of their own, so the
#   debug info and BTF grow with the map count.
# - <functions> functions in groups of GROUP_SIZE. The first of a group (its head) is
#   #[inline(never)] and calls the others in turn; the middle member is #[inline(never)] too, the
#   rest are #[inline(always)] or left to LLVM (called once, so inlined). Calls thus nest at most
#   three frames deep (entry -> head -> member), well inside the verifier's 8 frames and 512
#   bytes of combined stack, however many functions there are.
# - every member uses one map through a helper, from a slice of the maps that belongs to its
#   entry point (the kernel allows a program 64 maps), so every map is reached;
# - ENTRY_POINTS XDP programs share the heads between them, and each compares the sum of every
#   result with a constant, which keeps every call and map access live.
set -euo pipefail

if (($# != 3)); then
    echo "usage: $0 <crate-dir> <functions> <maps>" >&2
    exit 2
fi
crate_dir=$1
functions=$2
maps=$3
if [[ ! $functions =~ ^[0-9]+$ || ! $maps =~ ^[0-9]+$ ]]; then
    echo "$0: <functions> and <maps> must be numbers" >&2
    exit 2
fi

readonly GROUP_SIZE=10
readonly ENTRY_POINTS=4
# Every map type minimaps offers that an XDP program can reach through a helper. ProgramArray
# (tail calls mixed with BPF-to-BPF calls limit every frame to 256 bytes) and StackTrace
# (bpf_get_stackid is not allowed in XDP) are left out.
readonly MAP_KINDS=(hash lru pcpuh lrupcpu array pcpuarray lpm bloom queue stack ringbuf perf devmap cpumap xskmap sockmap sockhash)

if ((functions < GROUP_SIZE || maps < 1)); then
    echo "$0: need at least $GROUP_SIZE functions and 1 map" >&2
    exit 2
fi
# A bpf-to-bpf program may have at most 256 subprograms (BPF_MAX_SUBPROGS); each group gives two.
if ((functions / GROUP_SIZE * 2 / ENTRY_POINTS > 250)); then
    echo "$0: too many functions: an entry point would reach more than 250 subprograms" >&2
    exit 2
fi
# The kernel allows a program 64 maps (MAX_USED_MAPS); each entry point uses its own slice of them.
if ((maps > 64 * ENTRY_POINTS)); then
    echo "$0: too many maps: at most $((64 * ENTRY_POINTS)) (64 per entry point)" >&2
    exit 2
fi

mkdir -p "$crate_dir/src"
name=$(basename "$crate_dir")

cat >"$crate_dir/Cargo.toml" <<EOF
[package]
name = "$name"
version = "0.1.0"
edition = "2024"
publish = false

[[bin]]
name = "$name"
path = "src/main.rs"

[dependencies]
minicore = { path = "../minicore" }
minimaps = { path = "../minimaps" }

# BTF comes from debug info, so even the release build keeps full debug info.
[profile.release]
debug = 2
panic = "abort"

[profile.dev]
panic = "abort"
debug-assertions = false
overflow-checks = false
EOF

echo '<Project Sdk="Aya.Bpf.Sdk" />' >"$crate_dir/$name.bpfproj"

# Map i's static name: at most 15 characters, the most the kernel keeps (else warning BPF4004).
map_name() {
    local kind=${MAP_KINDS[$(($1 % ${#MAP_KINDS[@]}))]}
    printf 'M%03d_%s' "$1" "${kind^^}" | cut -c1-15
}

# Map i's value struct (hash-like maps only): 1 to 4 u64 fields, different per map.
value_struct() {
    local i=$1 fields=$(($1 % 4 + 1)) f
    printf '#[repr(C)]\npub struct Val%03d {\n' "$i"
    for ((f = 0; f < fields; f++)); do
        printf '    pub f%d: u64,\n' "$f"
    done
    printf '}\n\n'
}

# A Val<i> literal with every field derived from x.
value_literal() {
    local i=$1 fields=$(($1 % 4 + 1)) f out
    out=$(printf 'Val%03d {' "$i")
    for ((f = 0; f < fields; f++)); do
        out+=$(printf ' f%d: x + %d,' "$f" "$f")
    done
    printf '%s }' "${out%,}"
}

# The map's static and `use_m<i>(ctx, key, x) -> u64`, which calls a helper on it and returns
# a value that depends on the helper's result.
map_code() {
    local i=$1 kind=${MAP_KINDS[$(($1 % ${#MAP_KINDS[@]}))]} m type init body
    m=$(map_name "$i")
    local entries=$((16 + i % 8 * 8))
    case $kind in
        hash)
            type="HashMap<u32, Val$(printf %03d "$i")>" init="HashMap::with_max_entries($entries, 0)"
            body="match $m.get_ptr_mut(&key) {
        Option::Some(v) => unsafe {
            (*v).f0 += x;
            (*v).f0
        },
        Option::None => {
            let v = $(value_literal "$i");
            $m.insert(&key, &v, BPF_ANY) as u64
        }
    }" ;;
        lru)
            type="LruHashMap<FlowKey, Val$(printf %03d "$i")>" init="LruHashMap::with_max_entries($entries, 0)"
            body="let flow = FlowKey { addr: key, port: key as u16, proto: 6, pad: 0 };
    match $m.get_ptr_mut(&flow) {
        Option::Some(v) => unsafe { (*v).f0 + x },
        Option::None => {
            let v = $(value_literal "$i");
            $m.insert(&flow, &v, BPF_ANY) as u64
        }
    }" ;;
        pcpuh)
            type="PerCpuHashMap<u64, u32>" init="PerCpuHashMap::with_max_entries($entries, BPF_F_NO_PREALLOC)"
            body="match $m.get_ptr_mut(&(key as u64)) {
        Option::Some(v) => unsafe { *v as u64 },
        Option::None => x,
    }" ;;
        lrupcpu)
            type="LruPerCpuHashMap<u16, Val$(printf %03d "$i")>" init="LruPerCpuHashMap::with_max_entries($entries, 0)"
            body="match $m.get_ptr_mut(&(key as u16)) {
        Option::Some(v) => unsafe { (*v).f0 },
        Option::None => x + 1,
    }" ;;
        array)
            type="Array<u64>" init="Array::with_max_entries($entries, 0)"
            body="match $m.get_ptr_mut(key) {
        Option::Some(v) => unsafe {
            *v += x;
            *v
        },
        Option::None => 0,
    }" ;;
        pcpuarray)
            type="PerCpuArray<Val$(printf %03d "$i")>" init="PerCpuArray::with_max_entries(1, 0)"
            body="match $m.get_ptr_mut(0) {
        Option::Some(v) => unsafe {
            (*v).f0 += 1;
            (*v).f0
        },
        Option::None => 0,
    }" ;;
        lpm)
            type="LpmTrie<u32, u32>" init="LpmTrie::with_max_entries($entries, BPF_F_NO_PREALLOC)"
            body="let prefix = Key { prefix_len: 32, data: key };
    match unsafe { $m.get(&prefix) } {
        Option::Some(v) => *v as u64,
        Option::None => x,
    }" ;;
        bloom)
            type="BloomFilter<u32>" init="BloomFilter::with_max_entries($entries, 0)"
            body="$m.contains(&key) as u64" ;;
        queue)
            type="Queue<u64>" init="Queue::with_max_entries($entries, 0)"
            body="$m.push(&x, BPF_EXIST) as u64" ;;
        stack)
            type="Stack<u32>" init="Stack::with_max_entries($entries, 0)"
            body="$m.push(&key, BPF_EXIST) as u64" ;;
        ringbuf)
            type="RingBuf" init="RingBuf::with_byte_size(4096, 0)"
            body="let event = Event { key, kind: $i, value: x };
    $m.output(&event, 0) as u64" ;;
        perf)
            type="PerfEventArray<Event>" init="PerfEventArray::new(0)"
            body="let event = Event { key, kind: $i, value: x };
    $m.output(ctx, &event, 0) as u64" ;;
        devmap | cpumap | xskmap)
            case $kind in devmap) type=DevMap ;; cpumap) type=CpuMap ;; xskmap) type=XskMap ;; esac
            init="$type::with_max_entries(4, 0)"
            body="$m.redirect(key, XDP_PASS as u64) as u64" ;;
        sockmap)
            type="SockMap" init="SockMap::with_max_entries(4, 0)"
            body="$m.remove(key) as u64" ;;
        sockhash)
            type="SockHash<u32>" init="SockHash::with_max_entries(4, 0)"
            body="$m.remove(&key) as u64" ;;
    esac
    case $kind in hash | lru | lrupcpu | pcpuarray) value_struct "$i" ;; esac
    cat <<EOF
#[unsafe(no_mangle)]
#[unsafe(link_section = "maps")]
static $m: $type = $init;

#[inline(always)]
#[allow(unused_variables)]
fn use_m$(printf %03d "$i")(ctx: *mut XdpMd, key: u32, x: u64) -> u64 {
    $body
}

EOF
}

# The kernel lets one program use at most 64 maps, so each entry point has its own slice of the
# maps: map m belongs to entry point m % ENTRY_POINTS. The members under entry point p take the
# maps of its slice in turn, so with enough functions every map is used.
# next_map <entry point>: sets next_map_index (no command substitution: its subshell would lose
# the count in maps_taken).
declare -a maps_taken=()
next_map() {
    local p=$1 slice=$(((maps - $1 + ENTRY_POINTS - 1) / ENTRY_POINTS)) taken=${maps_taken[$1]:-0}
    maps_taken[$p]=$((taken + 1))
    if ((slice == 0)); then
        # Fewer maps than entry points: share them.
        next_map_index=$((taken % maps))
    else
        next_map_index=$((p + ENTRY_POINTS * (taken % slice)))
    fi
}

# Function j: a head (calls the rest of its group) or a member (some arithmetic and one map).
function_code() {
    local j=$1 pos=$(($1 % GROUP_SIZE)) fname k
    fname=$(printf 'f%04d' "$j")
    if ((pos == 0)); then
        printf '/// Head of group %d: a BPF-to-BPF subprogram.\n#[inline(never)]\n' "$((j / GROUP_SIZE))"
        printf 'fn %s(ctx: *mut XdpMd, x: u64, y: u64) -> u64 {\n    let mut acc = x + %d;\n' "$fname" "$j"
        for ((k = j + 1; k < j + GROUP_SIZE && k < functions; k++)); do
            printf '    acc += f%04d(ctx, acc, y);\n' "$k"
        done
        printf '    acc\n}\n\n'
        return
    fi
    if ((pos == GROUP_SIZE / 2)); then
        printf '#[inline(never)]\n'
    elif ((pos % 2 == 0)); then
        printf '#[inline(always)]\n'
    fi
    next_map "$((j / GROUP_SIZE % ENTRY_POINTS))"
    printf 'fn %s(ctx: *mut XdpMd, x: u64, y: u64) -> u64 {\n' "$fname"
    printf '    let a = x * %d + (y << %d);\n' "$((j % 13 + 3))" "$((j % 5 + 1))"
    printf '    let b = (a | 0x%x) - y;\n' "$((j * 2654435761 % 65536))"
    printf '    b + use_m%03d(ctx, (x as u32) + %d, a)\n}\n\n' "$next_map_index" "$j"
}

# An entry point: calls the heads of every ENTRY_POINTS-th group, starting with its own number.
entry_code() {
    local p=$1 g
    cat <<EOF
#[unsafe(no_mangle)]
#[unsafe(link_section = "xdp")]
pub extern "C" fn bench_xdp_$p(ctx: *mut XdpMd) -> u32 {
    let (x, y) = unsafe { ((*ctx).ingress_ifindex as u64, (*ctx).rx_queue_index as u64) };
    let mut acc = x + $p;
EOF
    local groups=$(((functions + GROUP_SIZE - 1) / GROUP_SIZE))
    if ((p >= groups)); then
        # Fewer groups than entry points: this one shares a head with another.
        printf '    acc += f%04d(ctx, acc, y);\n' "$((p % groups * GROUP_SIZE))"
    else
        for ((g = p; g < groups; g += ENTRY_POINTS)); do
            printf '    acc += f%04d(ctx, acc, y);\n' "$((g * GROUP_SIZE))"
        done
    fi
    cat <<EOF
    // Never true in practice; it makes every result above matter.
    if acc == 0x5eed_$(printf %04x "$p") {
        return XDP_DROP;
    }
    XDP_PASS
}

EOF
}

{
    cat <<EOF
//! Generated by tests/benchmarks/gen-large-program.sh ($functions functions, $maps maps): a
//! large XDP program for the link benchmark. Do not edit; regenerate.

#![no_core]
#![no_std]
#![no_main]
#![feature(no_core)]

extern crate minicore;
extern crate minimaps;

use minicore::Option;
use minicore::xdp::{XDP_DROP, XDP_PASS, XdpMd};
#[allow(unused_imports)]
use minimaps::{
    Array, BPF_ANY, BPF_EXIST, BPF_F_NO_PREALLOC, BloomFilter, CpuMap, DevMap, HashMap, Key, LpmTrie,
    LruHashMap, LruPerCpuHashMap, PerCpuArray, PerCpuHashMap, PerfEventArray, Queue, RingBuf, SockHash,
    SockMap, Stack, XskMap,
};

/// A flow key for the LRU hash maps.
#[repr(C)]
pub struct FlowKey {
    pub addr: u32,
    pub port: u16,
    pub proto: u8,
    pub pad: u8,
}

/// What the ring buffers and perf event arrays carry.
#[repr(C)]
pub struct Event {
    pub key: u32,
    pub kind: u32,
    pub value: u64,
}

EOF
    for ((i = 0; i < maps; i++)); do
        map_code "$i"
    done
    for ((j = 0; j < functions; j++)); do
        function_code "$j"
    done
    for ((p = 0; p < ENTRY_POINTS; p++)); do
        entry_code "$p"
    done
    cat <<EOF
#[unsafe(no_mangle)]
#[unsafe(link_section = "license")]
pub static LICENSE: [u8; 4] = *b"GPL\0";
EOF
} >"$crate_dir/src/main.rs"
