// The C side of the runtime benchmark: the same map loop as RuntimeBenchmark, over libbpf.
//   map_ops <object> <map> <operations>
// Loads the object, then times <operations> updates and as many lookups of a 16-byte value under
// u32 keys 0..63, and prints "update <ns per op>" and "lookup <ns per op>".
#include <bpf/libbpf.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

struct counter {
    uint64_t packets;
    uint64_t bytes;
};

static double now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

int main(int argc, char **argv)
{
    if (argc != 4) {
        fprintf(stderr, "usage: %s <object> <map> <operations>\n", argv[0]);
        return 2;
    }
    long operations = atol(argv[3]);
    struct bpf_object *obj = bpf_object__open_file(argv[1], NULL);
    if (!obj || bpf_object__load(obj)) {
        fprintf(stderr, "cannot load %s\n", argv[1]);
        return 1;
    }
    struct bpf_map *map = bpf_object__find_map_by_name(obj, argv[2]);
    if (!map) {
        fprintf(stderr, "no map %s\n", argv[2]);
        return 1;
    }
    struct counter value = { 1, 2 };
    double start = now_ns();
    for (long i = 0; i < operations; i++) {
        uint32_t key = (uint32_t)(i & 63);
        value.packets = (uint64_t)i;
        if (bpf_map__update_elem(map, &key, sizeof key, &value, sizeof value, 0)) {
            fprintf(stderr, "update failed\n");
            return 1;
        }
    }
    double updated = now_ns();
    uint64_t sum = 0;
    for (long i = 0; i < operations; i++) {
        uint32_t key = (uint32_t)(i & 63);
        if (bpf_map__lookup_elem(map, &key, sizeof key, &value, sizeof value, 0)) {
            fprintf(stderr, "lookup failed\n");
            return 1;
        }
        sum += value.packets;
    }
    double looked_up = now_ns();
    printf("update %.1f\nlookup %.1f\nchecksum %llu\n", (updated - start) / operations, (looked_up - updated) / operations,
           (unsigned long long)sum);
    bpf_object__close(obj);
    return 0;
}
