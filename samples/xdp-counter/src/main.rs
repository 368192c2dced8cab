//! An XDP program over the real `core`: it counts packets by EtherType and drops what is neither
//! IPv4 nor IPv6.
//!
//! `bpftool prog run` with an IPv4 frame returns XDP_PASS (2) and adds one to `COUNTS[0]`; with an
//! ARP frame it returns XDP_DROP (1) and adds one to `COUNTS[2]`. Read the counts with
//! `bpftool map dump name COUNTS`.

#![no_std]
#![no_main]

use core::marker::PhantomData;

const XDP_DROP: u32 = 1;
const XDP_PASS: u32 = 2;
const ETH_HEADER_LEN: usize = 14;
const ETHERTYPE_IPV4: u16 = 0x0800;
const ETHERTYPE_IPV6: u16 = 0x86dd;

/// The kernel's `struct xdp_md`: the context an XDP program gets.
#[repr(C)]
pub struct XdpMd {
    pub data: u32,
    pub data_end: u32,
    pub data_meta: u32,
    pub ingress_ifindex: u32,
    pub rx_queue_index: u32,
    pub egress_ifindex: u32,
}

/// A map definition as libbpf's legacy `maps` section lays it out; the SDK rewrites it into a
/// BTF-defined map in `.maps`, typed from `T` (libbpf 1.x loads only those).
#[repr(C)]
pub struct Array<T> {
    map_type: u32,
    key_size: u32,
    value_size: u32,
    max_entries: u32,
    map_flags: u32,
    _value: PhantomData<T>,
}

// Immutable to Rust; the kernel owns the map's contents.
unsafe impl<T: Sync> Sync for Array<T> {}

const BPF_MAP_TYPE_ARRAY: u32 = 2;

impl<T> Array<T> {
    pub const fn with_max_entries(max_entries: u32) -> Self {
        Array {
            map_type: BPF_MAP_TYPE_ARRAY,
            key_size: size_of::<u32>() as u32,
            value_size: size_of::<T>() as u32,
            max_entries,
            map_flags: 0,
            _value: PhantomData,
        }
    }

    /// The value at `index`, through the helper bpf_map_lookup_elem (helper 1: BPF calls a helper by
    /// its number, so the function pointer's address is that number).
    pub fn get_mut(&self, index: u32) -> Option<&mut T> {
        let lookup: unsafe extern "C" fn(*const Self, *const u32) -> *mut T = unsafe { core::mem::transmute(1usize) };
        unsafe { lookup(self, &index).as_mut() }
    }
}

/// Packets seen: index 0 IPv4, 1 IPv6, 2 anything else (change the size and the classes together).
#[unsafe(no_mangle)]
#[unsafe(link_section = "maps")]
static COUNTS: Array<u64> = Array::with_max_entries(3);

/// The entry point: the section name says the program type (xdp), the function name is the program's.
#[unsafe(no_mangle)]
#[unsafe(link_section = "xdp")]
pub extern "C" fn xdp_counter(ctx: *mut XdpMd) -> u32 {
    let (data, data_end) = unsafe { ((*ctx).data as usize, (*ctx).data_end as usize) };
    // The verifier lets the program read packet bytes only after a check like this one.
    if data + ETH_HEADER_LEN > data_end {
        return XDP_PASS;
    }
    let ethertype = unsafe { u16::from_be(core::ptr::read_unaligned((data + 12) as *const u16)) };
    let (class, verdict) = match ethertype {
        ETHERTYPE_IPV4 => (0, XDP_PASS),
        ETHERTYPE_IPV6 => (1, XDP_PASS),
        _ => (2, XDP_DROP),
    };
    if let Some(count) = COUNTS.get_mut(class) {
        *count += 1;
    }
    verdict
}

/// Needed by `#![no_std]`; no path of the program reaches it (the build warns, BPF2017, if one does).
#[panic_handler]
fn panic(_info: &core::panic::PanicInfo) -> ! {
    loop {}
}

/// The kernel lets only GPL-compatible programs call some helpers; this one declares GPL.
#[unsafe(no_mangle)]
#[unsafe(link_section = "license")]
pub static LICENSE: [u8; 4] = *b"GPL\0";
