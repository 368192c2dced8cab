// The C side of the ring buffer benchmark: the same consumption as RuntimeBenchmark's, over libbpf.
//   ringbuf_consume <object> <records>
// Grows the object's EVENTS ring buffer to hold <records> records, has number_runs write them
// (BPF_PROG_TEST_RUN, repeated), then times one ring_buffer__poll that takes them all and prints
// "ringbuf <ns per record>".
#include <bpf/bpf.h>
#include <bpf/libbpf.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static uint64_t received, checksum;

static int on_record(void *context, void *data, size_t size)
{
    (void)context;
    if (size == sizeof(uint64_t))
        checksum += *(uint64_t *)data;
    received++;
    return 0;
}

static double now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: %s <object> <records>\n", argv[0]);
        return 2;
    }
    long records = atol(argv[2]);
    struct bpf_object *obj = bpf_object__open_file(argv[1], NULL);
    struct bpf_map *events = obj ? bpf_object__find_map_by_name(obj, "EVENTS") : NULL;
    // 16 bytes a record (8 of header, 8 of sequence number), in a power-of-two number of pages.
    uint32_t size = 4096;
    while (size < records * 16)
        size *= 2;
    if (!events || bpf_map__set_max_entries(events, size) || bpf_object__load(obj)) {
        fprintf(stderr, "cannot load %s\n", argv[1]);
        return 1;
    }
    char packet[64] = { 0 };
    LIBBPF_OPTS(bpf_test_run_opts, run, .data_in = packet, .data_size_in = sizeof packet, .repeat = (int)records);
    if (bpf_prog_test_run_opts(bpf_program__fd(bpf_object__find_program_by_name(obj, "number_runs")), &run)) {
        fprintf(stderr, "test run failed\n");
        return 1;
    }
    struct ring_buffer *ring = ring_buffer__new(bpf_map__fd(events), on_record, NULL, NULL);
    double start = now_ns();
    int taken = ring_buffer__poll(ring, 0);
    double end = now_ns();
    if (taken < 0 || received != (uint64_t)records) {
        fprintf(stderr, "received %llu of %ld records\n", (unsigned long long)received, records);
        return 1;
    }
    printf("ringbuf %.1f\nchecksum %llu\n", (end - start) / records, (unsigned long long)checksum);
    ring_buffer__free(ring);
    bpf_object__close(obj);
    return 0;
}
