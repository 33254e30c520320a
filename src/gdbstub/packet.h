/* GDB remote protocol framing: $payload#cc with +/- acks. */
#ifndef KEMU_GDBSTUB_PACKET_H
#define KEMU_GDBSTUB_PACKET_H

#include <stddef.h>
#include <stdbool.h>
#include <stdint.h>

#define GDB_PACKET_MAX 4096   /* PacketSize=1000 (hex) as advertised */

enum gdb_rx_event {
    GDB_RX_NONE,       /* need more bytes */
    GDB_RX_PACKET,     /* rx->buf holds a packet with a good checksum */
    GDB_RX_BAD,        /* checksum mismatch or overflow: answer '-' */
    GDB_RX_INTERRUPT,  /* a raw 0x03 (Ctrl-C) */
};

struct gdb_rx {
    int state;
    char buf[GDB_PACKET_MAX + 1];
    size_t len;
    uint8_t sum;
    int ck;
    bool overflow;
};

enum gdb_rx_event gdb_rx_byte(struct gdb_rx *rx, uint8_t ch);

/* Frame payload into out (escaping # $ } *); returns the length.  out
 * needs 2 * len + 5 bytes. */
size_t gdb_frame(const char *payload, size_t len, char *out);

#endif
