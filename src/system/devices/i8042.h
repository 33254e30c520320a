/*
 * The i8042 keyboard controller of a PC-style ISA bus with a PS/2
 * keyboard on its first port and a PS/2 mouse on the auxiliary port:
 * data at ISA port 0x60, status (read) and commands (write) at 0x64.
 * Nothing produces key presses or mouse motion (there is no display);
 * what is here is what a driver's probe talks to: the status register,
 * the command byte (0x20/0x60), controller RAM, self-test (0xAA answers
 * 0x55), port tests (0xAB, 0xA9 answer 0), port enable/disable (0xAD,
 * 0xAE, 0xA7, 0xA8), the output port (0xD0/0xD1), writes to the output
 * buffer as if from either device (0xD2, 0xD3), writes to the mouse
 * (0xD4), and output-port pulses (0xF0-0xFF; pulsing bit 0, as 0xFE
 * does, resets the machine through the reset hook).  The keyboard
 * acknowledges (0xFA) and answers reset (0xAA), identify (0xAB 0x83,
 * or 0xAB 0x41 when the controller translates), LEDs, typematic rate,
 * scan code set, echo, enable and disable; the mouse answers reset
 * (0xAA 0x00), identify (0x00), status, resolution, sample rate,
 * scaling, stream/remote/wrap modes and enable/disable.  The output
 * buffer raises IRQ 1 (keyboard byte) or IRQ 12 (mouse byte) when the
 * command byte enables that interrupt.
 */
#ifndef KEMU_SYSTEM_DEVICES_I8042_H
#define KEMU_SYSTEM_DEVICES_I8042_H

#include <stdbool.h>
#include <stdint.h>

struct i8042_hooks {
    /* ISA IRQ 1 and 12 levels. */
    void (*irq)(void *opaque, int line, bool level);
    /* The guest pulsed the reset line. */
    void (*reset)(void *opaque);
    void *opaque;
};

struct i8042;

struct i8042 *i8042_new(const struct i8042_hooks *h);
void i8042_reset(struct i8042 *k);
/* Offset 0: port 0x60 (data); offset 4: port 0x64 (status/command). */
uint64_t i8042_read(void *opaque, uint64_t offset, unsigned size);
void i8042_write(void *opaque, uint64_t offset, uint64_t val, unsigned size);

#endif
