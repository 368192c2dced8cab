//! The XDP program the console app loads: the kernel runs it on each packet an interface receives
//! (or, from the app, on a test frame through BPF_PROG_TEST_RUN). It counts IPv4 packets per source
//! address in SOURCE_PACKETS and lets every packet through. To filter, make `handle` return
//! `xdp_action::XDP_DROP` for the packets to drop.

#![no_std]
#![no_main]

use aya_ebpf::bindings::xdp_action;
use aya_ebpf::macros::{map, xdp};
use aya_ebpf::maps::HashMap;
use aya_ebpf::programs::XdpContext;

/// IPv4 packets per source address, the address as a number (192.0.2.1 is 0xc0000201). The app
/// reads it through the skeleton's typed map, a `BpfMap<uint, ulong>`. A full map takes no new
/// sources: raise `max_entries` to track more.
#[map]
static SOURCE_PACKETS: HashMap<u32, u64> = HashMap::with_max_entries(1024, 0);

const ETHERNET_HEADER_LENGTH: usize = 14;
const ETHER_TYPE_OFFSET: usize = 12;
const ETHER_TYPE_IPV4: u16 = 0x0800;
const IPV4_SOURCE_OFFSET: usize = 12;

/// The entry point. Its name is the program's name in the kernel (the first 15 characters) and,
/// made PascalCase, its property in the skeleton's `Programs`.
#[xdp]
pub fn aya_xdp_count(ctx: XdpContext) -> u32 {
    handle(&ctx)
}

fn handle(ctx: &XdpContext) -> u32 {
    if let Some(source) = ipv4_source(ctx) {
        count(source);
    }
    xdp_action::XDP_PASS
}

fn count(source: u32) {
    match SOURCE_PACKETS.get_ptr_mut(&source) {
        // Two CPUs adding at once can lose a count; a per-CPU map would count exactly.
        Some(packets) => unsafe { *packets += 1 },
        None => {
            // Refused when the map is full; the packet passes all the same.
            let _ = SOURCE_PACKETS.insert(&source, &1, 0);
        }
    }
}

/// The source address of an IPv4 packet, None for any other packet (its bytes at that offset are
/// something else).
fn ipv4_source(ctx: &XdpContext) -> Option<u32> {
    let ether_type = u16::from_be_bytes(load::<[u8; 2]>(ctx, ETHER_TYPE_OFFSET)?);
    if ether_type != ETHER_TYPE_IPV4 {
        return None;
    }
    let source = load::<[u8; 4]>(ctx, ETHERNET_HEADER_LENGTH + IPV4_SOURCE_OFFSET)?;
    Some(u32::from_be_bytes(source))
}

/// The `T` at `offset` in the packet, or None past its end: the verifier lets a program read packet
/// bytes only once it has compared their end with the packet's.
#[inline(always)]
fn load<T: Copy>(ctx: &XdpContext, offset: usize) -> Option<T> {
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

/// The program's license: GPL-compatible programs may call every helper.
#[unsafe(link_section = "license")]
#[unsafe(no_mangle)]
static LICENSE: [u8; 4] = *b"GPL\0";
