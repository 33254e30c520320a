/*
 * Per-architecture register layouts for gdb: the target.xml features and
 * the order and sizes of the registers in `g` packets.  The values come
 * from the target through target_info's gdb_read_reg / gdb_write_reg,
 * indexed by the gdb register number (regnum) given here.
 */
#ifndef KEMU_GDBSTUB_GDB_ARCH_H
#define KEMU_GDBSTUB_GDB_ARCH_H

#include <stdbool.h>

struct gdb_reg {
    const char *name;
    int regnum;
    int bitsize;
    const char *type;     /* "int", "data_ptr", "code_ptr", "ieee_single" */
    const char *feature;  /* org.gnu.gdb.... */
};

struct gdb_arch {
    const char *arch;           /* kemu target names it applies to */
    const char *gdb_arch;       /* <architecture> */
    const struct gdb_reg *regs; /* ascending regnum */
    int nregs;
    int sp_regnum;              /* the stack pointer (user-mode auxv) */
    /* gdb treats this architecture's watchpoints as "non-steppable": it
     * expects the stop before the access and steps the instruction
     * itself, with the watchpoints removed. */
    bool watch_before;
};

/* Layout for a target name ("arm", "mips64el"); NULL when unknown. */
const struct gdb_arch *gdb_arch_find(const char *target);

/* target.xml for the layout (malloc'd). */
char *gdb_arch_xml(const struct gdb_arch *a);

#endif
