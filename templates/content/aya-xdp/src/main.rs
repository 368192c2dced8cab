//! An XDP program: the kernel runs it on every packet the interface receives, before the network
//! stack sees it. This one counts IPv4 packets per source address in PACKETS and lets every packet
//! through. Change `handle` to filter: return `xdp_action::XDP_DROP` for the packets to drop.

#![no_std]
#![no_main]

use aya_ebpf::bindings::xdp_action;
use aya_ebpf::macros::{map, xdp};
use aya_ebpf::maps::HashMap;
use aya_ebpf::programs::XdpContext;

/// Packets seen per IPv4 source address (the address as a number: 10.0.0.1 is 0x0a000001). User
/// space reads it, e.g. `bpftool map dump name PACKETS`. Raise `max_entries` to track more sources.
#[map]
static PACKETS: HashMap<u32, u64> = HashMap::with_max_entries(1024, 0);

const ETH_HDR_LEN: usize = 14;
const ETH_P_IP: u16 = 0x0800;
const IPV4_SOURCE_OFFSET: usize = 12;

/// The entry point; its name is the program's name in the kernel (the first 15 characters).
#[xdp]
pub fn aya_xdp_app(ctx: XdpContext) -> u32 {
    handle(&ctx)
}

fn handle(ctx: &XdpContext) -> u32 {
    let Some(source) = ipv4_source(ctx) else {
        return xdp_action::XDP_PASS;
    };
    match PACKETS.get_ptr_mut(&source) {
        // Another CPU may add at the same time and one count be lost; a per-CPU map counts exactly.
        Some(count) => unsafe { *count += 1 },
        // A full map refuses new sources; their packets still pass.
        None => {
            let _ = PACKETS.insert(&source, &1, 0);
        }
    }
    xdp_action::XDP_PASS
}

/// The source address of an IPv4 packet; None for other packets.
fn ipv4_source(ctx: &XdpContext) -> Option<u32> {
    let ether_type = u16::from_be_bytes(read_at::<[u8; 2]>(ctx, 12)?);
    if ether_type != ETH_P_IP {
        return None;
    }
    Some(u32::from_be_bytes(read_at::<[u8; 4]>(ctx, ETH_HDR_LEN + IPV4_SOURCE_OFFSET)?))
}

/// The `T` at `offset` bytes into the packet, if the packet is that long. The verifier lets a
/// program read packet bytes only after such a comparison with the packet's end.
#[inline(always)]
fn read_at<T: Copy>(ctx: &XdpContext, offset: usize) -> Option<T> {
    let start = ctx.data() + offset;
    if start + size_of::<T>() > ctx.data_end() {
        return None;
    }
    Some(unsafe { (start as *const T).read_unaligned() })
}

#[cfg(not(test))]
#[panic_handler]
fn panic(_info: &core::panic::PanicInfo) -> ! {
    loop {}
}

/// The program's license: the kernel lets GPL-compatible programs call every helper.
#[unsafe(link_section = "license")]
#[unsafe(no_mangle)]
static LICENSE: [u8; 4] = *b"GPL\0";
