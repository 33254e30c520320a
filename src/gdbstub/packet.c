/* GDB packet framing (see packet.h). */
#include <stdbool.h>

#include "gdbstub/packet.h"

enum { RX_IDLE, RX_DATA, RX_CK1, RX_CK2 };

static int hexval(uint8_t c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

enum gdb_rx_event gdb_rx_byte(struct gdb_rx *rx, uint8_t ch)
{
    switch (rx->state) {
    case RX_IDLE:
        if (ch == 0x03)
            return GDB_RX_INTERRUPT;
        if (ch == '$') {
            rx->state = RX_DATA;
            rx->len = 0;
            rx->sum = 0;
            rx->overflow = false;
        }
        /* '+', '-' and noise between packets are ignored. */
        return GDB_RX_NONE;
    case RX_DATA:
        if (ch == '#') {
            rx->state = RX_CK1;
            return GDB_RX_NONE;
        }
        rx->sum += ch;
        if (ch == '*' && rx->len > 0 && !rx->overflow) {
            /* Run-length: the next byte gives the repeat count + 29. */
            rx->state = RX_DATA + 10;
            return GDB_RX_NONE;
        }
        if (rx->len < GDB_PACKET_MAX)
            rx->buf[rx->len++] = ch;
        else
            rx->overflow = true;
        return GDB_RX_NONE;
    case RX_DATA + 10: {
        rx->sum += ch;
        rx->state = RX_DATA;
        int n = ch - 29;
        char prev = rx->buf[rx->len - 1];
        while (n-- > 0) {
            if (rx->len >= GDB_PACKET_MAX) {
                rx->overflow = true;
                break;
            }
            rx->buf[rx->len++] = prev;
        }
        return GDB_RX_NONE;
    }
    case RX_CK1:
        rx->ck = hexval(ch) << 4;
        if (hexval(ch) < 0)
            rx->ck = -1000;
        rx->state = RX_CK2;
        return GDB_RX_NONE;
    case RX_CK2:
        rx->state = RX_IDLE;
        rx->ck += hexval(ch) < 0 ? -1000 : hexval(ch);
        rx->buf[rx->len] = 0;
        if (rx->ck != rx->sum || rx->overflow)
            return GDB_RX_BAD;
        return GDB_RX_PACKET;
    }
    rx->state = RX_IDLE;
    return GDB_RX_NONE;
}

size_t gdb_frame(const char *payload, size_t len, char *out)
{
    static const char hex[] = "0123456789abcdef";
    size_t o = 0;
    uint8_t sum = 0;

    out[o++] = '$';
    for (size_t i = 0; i < len; i++) {
        char c = payload[i];
        if (c == '#' || c == '$' || c == '}' || c == '*') {
            out[o++] = '}';
            sum += '}';
            c ^= 0x20;
        }
        out[o++] = c;
        sum += (uint8_t)c;
    }
    out[o++] = '#';
    out[o++] = hex[sum >> 4];
    out[o++] = hex[sum & 15];
    return o;
}
