/*
 * A BEP 15 load generator, built by bench/tracker-udp.sh:
 *   udpload host port seconds hashes.txt [sockets]
 * Each of `sockets` UDP sockets (default 32) connects, then keeps one announce in flight with
 * the same mix as bench/announce.lua (the swarms of hashes.txt, random peer ids and ports, half
 * seeders, numwant 50). A request unanswered for a second is counted lost and sent again; an
 * error reply makes the socket connect again. Prints announces/s, p50, p99, lost and errors.
 */
#include <arpa/inet.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define MAX_SOCKETS 1024
#define MAX_HASHES 100000
#define TIMEOUT_NS 1000000000LL

static uint8_t hashes[MAX_HASHES][20];
static int hash_count;

struct client { int fd; int connected; uint64_t connection_id; uint32_t tx; long long sent_at; };

static long long now_ns(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1000000000LL + t.tv_nsec;
}

static void put64(uint8_t *p, uint64_t v) { for (int i = 7; i >= 0; i--) { p[i] = v & 0xff; v >>= 8; } }
static void put32(uint8_t *p, uint32_t v) { for (int i = 3; i >= 0; i--) { p[i] = v & 0xff; v >>= 8; } }
static uint32_t get32(const uint8_t *p) { return (uint32_t) p[0] << 24 | (uint32_t) p[1] << 16 | p[2] << 8 | p[3]; }
static uint64_t get64(const uint8_t *p) { return (uint64_t) get32(p) << 32 | get32(p + 4); }

static void send_next(struct client *c) {
    uint8_t p[98];
    size_t len;
    c->tx = (uint32_t) random();
    if (!c->connected) {
        put64(p, 0x41727101980ULL); put32(p + 8, 0); put32(p + 12, c->tx);
        len = 16;
    } else {
        char peer_id[24];
        snprintf(peer_id, sizeof peer_id, "-BN0001-%012ld", random() % 1000000000000L);
        put64(p, c->connection_id); put32(p + 8, 1); put32(p + 12, c->tx);
        memcpy(p + 16, hashes[random() % hash_count], 20);
        memcpy(p + 36, peer_id, 20);
        put64(p + 56, 0); put64(p + 64, (random() & 1) ? 0 : 1000); put64(p + 72, 0);
        put32(p + 80, 0); put32(p + 84, 0); put32(p + 88, (uint32_t) random()); put32(p + 92, 50);
        uint16_t port = htons((uint16_t) (1024 + random() % 64512));
        memcpy(p + 96, &port, 2);
        len = 98;
    }
    c->sent_at = now_ns();
    send(c->fd, p, len, 0);
}

static int compare(const void *a, const void *b) {
    long long x = *(const long long *) a, y = *(const long long *) b;
    return (x > y) - (x < y);
}

static int hex(char ch) { return ch <= '9' ? ch - '0' : (ch | 32) - 'a' + 10; }

int main(int argc, char **argv) {
    if (argc < 5) { fprintf(stderr, "usage: udpload host port seconds hashes.txt [sockets]\n"); return 2; }
    int sockets = argc > 5 ? atoi(argv[5]) : 32;
    if (sockets < 1 || sockets > MAX_SOCKETS) { fprintf(stderr, "1 to %d sockets\n", MAX_SOCKETS); return 2; }
    FILE *f = fopen(argv[4], "r");
    if (!f) { perror(argv[4]); return 1; }
    char line[128];
    while (hash_count < MAX_HASHES && fgets(line, sizeof line, f)) {
        if (strlen(line) < 40) continue;
        for (int i = 0; i < 20; i++) hashes[hash_count][i] = (uint8_t) (hex(line[2 * i]) << 4 | hex(line[2 * i + 1]));
        hash_count++;
    }
    fclose(f);
    if (hash_count == 0) { fprintf(stderr, "no hashes\n"); return 1; }
    srandom((unsigned) now_ns());

    struct sockaddr_in tracker = { .sin_family = AF_INET, .sin_port = htons((uint16_t) atoi(argv[2])) };
    inet_pton(AF_INET, argv[1], &tracker.sin_addr);
    static struct client clients[MAX_SOCKETS];
    static struct pollfd fds[MAX_SOCKETS];
    for (int i = 0; i < sockets; i++) {
        clients[i].fd = socket(AF_INET, SOCK_DGRAM, 0);
        if (clients[i].fd < 0 || connect(clients[i].fd, (struct sockaddr *) &tracker, sizeof tracker) < 0) { perror("socket"); return 1; }
        fds[i].fd = clients[i].fd;
        fds[i].events = POLLIN;
        send_next(&clients[i]);
    }
    size_t cap = 1 << 24, n = 0;
    long long *latency = malloc(cap * sizeof *latency);
    long long lost = 0, errors = 0, start = now_ns(), end = start + atoll(argv[3]) * 1000000000LL;
    uint8_t in[2048];
    while (now_ns() < end) {
        if (poll(fds, (nfds_t) sockets, 100) < 0) { perror("poll"); return 1; }
        long long t = now_ns();
        for (int i = 0; i < sockets; i++) {
            struct client *c = &clients[i];
            if (fds[i].revents & POLLIN) {
                ssize_t got;
                while ((got = recv(c->fd, in, sizeof in, MSG_DONTWAIT)) >= 8) {
                    if (get32(in + 4) != c->tx) continue;
                    uint32_t action = get32(in);
                    if (action == 0 && got >= 16) {
                        c->connection_id = get64(in + 8);
                        c->connected = 1;
                    } else if (action == 1) {
                        if (n < cap) latency[n++] = t - c->sent_at;
                    } else {
                        errors++;
                        c->connected = 0;
                    }
                    send_next(c);
                }
            } else if (t - c->sent_at > TIMEOUT_NS) {
                lost++;
                send_next(c);
            }
        }
    }
    double elapsed = (now_ns() - start) / 1e9;
    qsort(latency, n, sizeof *latency, compare);
    printf("announces/s %.0f p50 %.2fms p99 %.2fms lost %lld errors %lld\n", n / elapsed,
           n ? latency[n / 2] / 1e6 : 0.0, n ? latency[(size_t) (n * 0.99)] / 1e6 : 0.0, lost, errors);
    return 0;
}
