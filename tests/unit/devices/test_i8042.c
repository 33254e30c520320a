/* The i8042 keyboard controller: controller commands, the keyboard and
 * mouse answers, the output buffer and its interrupts, the reset pulse. */
#include <stddef.h>

#include "devtest.h"
#include "system/devices/i8042.h"

static bool lvl[16];
static int rises[16];
static int resets;

static void hook_irq(void *o, int line, bool level)
{
    if (level && !lvl[line])
        rises[line]++;
    lvl[line] = level;
}

static void hook_reset(void *o)
{
    resets++;
}

static struct i8042 *fresh(void)
{
    for (int i = 0; i < 16; i++) {
        lvl[i] = false;
        rises[i] = 0;
    }
    resets = 0;
    return i8042_new(&(struct i8042_hooks){ .irq = hook_irq,
                                            .reset = hook_reset });
}

static void cmd(struct i8042 *k, uint8_t v) { i8042_write(k, 4, v, 1); }
static void dat(struct i8042 *k, uint8_t v) { i8042_write(k, 0, v, 1); }
static uint8_t status(struct i8042 *k) { return (uint8_t)i8042_read(k, 4, 1); }

/* The next byte of the output buffer; -1 when empty.  *aux: from the
 * mouse side. */
static int next(struct i8042 *k, bool *aux)
{
    uint8_t st = status(k);
    if (!(st & 0x01))
        return -1;
    if (aux)
        *aux = st & 0x20;
    return (int)i8042_read(k, 0, 1);
}

/* Expect exactly the bytes given, from the given side. */
static void expect(struct i8042 *k, const char *what, bool from_aux,
                   const int *bytes, int n)
{
    for (int i = 0; i < n; i++) {
        bool aux = false;
        int v = next(k, &aux);
        CHECK(v == bytes[i], "%s: byte %d is %#x, expected %#x", what, i, v, bytes[i]);
        CHECK(v < 0 || aux == from_aux, "%s: byte %d from the %s side", what, i,
              aux ? "mouse" : "keyboard");
    }
    CHECK(next(k, NULL) == -1, "%s: no more bytes", what);
}
#define EXPECT(k, what, aux, ...)                                          \
    do {                                                                   \
        static const int b_[] = { __VA_ARGS__ };                           \
        expect(k, what, aux, b_, (int)(sizeof(b_) / sizeof(b_[0])));       \
    } while (0)

static void selftest(void)
{
    struct i8042 *k = fresh();
    uint8_t st = status(k);
    CHECK((st & 0x11) == 0x10, "status after reset: unlocked, empty (%#x)", st);
    cmd(k, 0xaa);
    CHECK(status(k) & 0x04, "self-test sets the system flag");
    EXPECT(k, "self-test", false, 0x55);
    cmd(k, 0xab);
    EXPECT(k, "keyboard interface test", false, 0x00);
    cmd(k, 0xa9);
    EXPECT(k, "aux interface test", false, 0x00);
    CHECK(status(k) & 0x08, "last write was a command");
    dat(k, 0xee);
    CHECK(!(status(k) & 0x08), "last write was data");
    EXPECT(k, "echo", false, 0xee);
}

static void command_byte(void)
{
    struct i8042 *k = fresh();
    cmd(k, 0x20);
    EXPECT(k, "command byte after reset", false, 0x03);
    cmd(k, 0x60);
    dat(k, 0x45);
    cmd(k, 0x20);
    EXPECT(k, "command byte written", false, 0x45);
    cmd(k, 0xad);
    cmd(k, 0xa7);
    cmd(k, 0x20);
    EXPECT(k, "ports disabled", false, 0x75);
    cmd(k, 0xae);
    cmd(k, 0xa8);
    cmd(k, 0x20);
    EXPECT(k, "ports enabled", false, 0x45);
    /* Controller RAM beyond the command byte. */
    cmd(k, 0x65);
    dat(k, 0x5c);
    cmd(k, 0x25);
    EXPECT(k, "RAM byte 5", false, 0x5c);
    cmd(k, 0xd0);
    EXPECT(k, "output port", false, 0xcf);
}

static void keyboard(void)
{
    struct i8042 *k = fresh();
    dat(k, 0xff);
    EXPECT(k, "keyboard reset", false, 0xfa, 0xaa);
    dat(k, 0xf2);
    EXPECT(k, "identify", false, 0xfa, 0xab, 0x83);
    dat(k, 0xf5);
    EXPECT(k, "disable", false, 0xfa);
    dat(k, 0xed);
    EXPECT(k, "LEDs", false, 0xfa);
    dat(k, 0x07);
    EXPECT(k, "LED value", false, 0xfa);
    dat(k, 0xf0);
    dat(k, 0x00);
    EXPECT(k, "get scan code set", false, 0xfa, 0xfa, 0x02);
    dat(k, 0xf0);
    dat(k, 0x03);
    dat(k, 0xf0);
    dat(k, 0x00);
    EXPECT(k, "set 3 then get", false, 0xfa, 0xfa, 0xfa, 0xfa, 0x03);
    dat(k, 0xf3);
    dat(k, 0x20);
    EXPECT(k, "typematic", false, 0xfa, 0xfa);
    dat(k, 0xf4);
    EXPECT(k, "enable", false, 0xfa);
    dat(k, 0x01);
    EXPECT(k, "unknown command", false, 0xfe);
    /* With translation the identify and set answers are set 1 codes. */
    cmd(k, 0x60);
    dat(k, 0x43);
    dat(k, 0xf2);
    EXPECT(k, "identify translated", false, 0xfa, 0xab, 0x41);
    dat(k, 0xf0);
    dat(k, 0x02);
    dat(k, 0xf0);
    dat(k, 0x00);
    EXPECT(k, "set translated", false, 0xfa, 0xfa, 0xfa, 0xfa, 0x41);
}

static void mouse(void)
{
    struct i8042 *k = fresh();
    cmd(k, 0xd3);
    dat(k, 0x5a);
    CHECK(lvl[12] && !lvl[1], "loopback byte raises IRQ 12");
    EXPECT(k, "aux loopback", true, 0x5a);
    CHECK(!lvl[12], "reading lowers IRQ 12");
    cmd(k, 0xd4);
    dat(k, 0xff);
    EXPECT(k, "mouse reset", true, 0xfa, 0xaa, 0x00);
    cmd(k, 0xd4);
    dat(k, 0xf2);
    EXPECT(k, "mouse identify", true, 0xfa, 0x00);
    cmd(k, 0xd4);
    dat(k, 0xf3);
    cmd(k, 0xd4);
    dat(k, 40);
    cmd(k, 0xd4);
    dat(k, 0xe8);
    cmd(k, 0xd4);
    dat(k, 3);
    cmd(k, 0xd4);
    dat(k, 0xe7);
    cmd(k, 0xd4);
    dat(k, 0xf4);
    cmd(k, 0xd4);
    dat(k, 0xe9);
    EXPECT(k, "mouse settings and status", true, 0xfa, 0xfa, 0xfa, 0xfa, 0xfa,
           0xfa, 0xfa, 0x30, 3, 40);
    cmd(k, 0xd4);
    dat(k, 0xee);
    cmd(k, 0xd4);
    dat(k, 0x33);
    cmd(k, 0xd4);
    dat(k, 0xec);
    EXPECT(k, "wrap mode echoes", true, 0xfa, 0x33, 0xfa);
    cmd(k, 0xd4);
    dat(k, 0xeb);
    EXPECT(k, "read data", true, 0xfa, 0x08, 0x00, 0x00);
    cmd(k, 0xd2);
    dat(k, 0x1c);
    EXPECT(k, "write keyboard buffer", false, 0x1c);
}

static void interrupts(void)
{
    struct i8042 *k = fresh();
    dat(k, 0xff);                       /* two bytes: FA AA */
    CHECK(lvl[1] && rises[1] == 1, "first byte raises IRQ 1");
    i8042_read(k, 0, 1);
    CHECK(lvl[1] && rises[1] == 2, "next byte gives a new edge (%d)", rises[1]);
    i8042_read(k, 0, 1);
    CHECK(!lvl[1], "empty buffer lowers IRQ 1");
    /* No interrupt with the enable bits clear. */
    cmd(k, 0x60);
    dat(k, 0x00);
    dat(k, 0xf2);
    CHECK(!lvl[1] && rises[1] == 2, "IRQ 1 disabled in the command byte");
    CHECK(status(k) & 0x01, "the byte is still there to poll");
    EXPECT(k, "polled identify", false, 0xfa, 0xab, 0x83);
    /* A disabled mouse port holds its bytes until enabled. */
    cmd(k, 0x60);
    dat(k, 0x03);
    cmd(k, 0xa7);
    cmd(k, 0xd4);
    dat(k, 0xf2);
    CHECK(!(status(k) & 0x01) && !lvl[12], "mouse bytes held while disabled");
    cmd(k, 0xa8);
    CHECK(lvl[12], "enabling the port delivers them");
    EXPECT(k, "held mouse bytes", true, 0xfa, 0x00);
}

static void reset_pulse(void)
{
    struct i8042 *k = fresh();
    cmd(k, 0xff);
    CHECK(resets == 0, "0xff pulses nothing");
    cmd(k, 0xfe);
    CHECK(resets == 1, "0xfe pulses reset");
    cmd(k, 0xf0);
    CHECK(resets == 2, "0xf0 pulses reset too");
    cmd(k, 0xd1);
    dat(k, 0xcf);
    CHECK(resets == 2, "output port with reset high");
    cmd(k, 0xd1);
    dat(k, 0xce);
    CHECK(resets == 3, "output port with reset low");
}

/* Any sequence of port accesses leaves the controller answering: after
 * a random storm, a self-test still gives 0x55 once the buffer drains. */
static void random_access(void)
{
    struct i8042 *k = fresh();
    uint32_t x = 777;
    for (int i = 0; i < 200000; i++) {
        x = x * 1103515245u + 12345u;
        unsigned r = x >> 8;
        uint8_t v = (uint8_t)(r >> 8);
        if (v == 0xd1 || (v >= 0xf0 && !(v & 1)))
            v = 0x20;                   /* keep the reset line out of it */
        switch (r % 4) {
        case 0: cmd(k, v); break;
        case 1: dat(k, v); break;
        case 2: (void)i8042_read(k, 0, 1); break;
        default: (void)status(k); break;
        }
    }
    cmd(k, 0x60);
    dat(k, 0x03);
    int drained = 0;
    while (next(k, NULL) >= 0 && drained < 1000)
        drained++;
    CHECK(drained < 1000, "the output buffer drains");
    cmd(k, 0xaa);
    CHECK(next(k, NULL) == 0x55, "self-test after random accesses");
}

const struct dev_test i8042_tests[] = {
    { "kbc-selftest", selftest },
    { "kbc-command-byte", command_byte },
    { "kbc-keyboard", keyboard },
    { "kbc-mouse", mouse },
    { "kbc-interrupts", interrupts },
    { "kbc-reset-pulse", reset_pulse },
    { "kbc-random-access", random_access },
    { NULL, NULL },
};
