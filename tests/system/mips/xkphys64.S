/*
 * MIPS64 privileged state, bare metal on kemu-system-mips64el -M malta
 * (an ELF64 -kernel linked in CKSEG0).  Each step prints a line on the
 * UART; a failed check ends through UHI exit with the step's number.
 *   1 the reset state: Status.BEV and ERL, the PC in sign-extended KSEG0
 *   2 a word stored through CKSEG0 reads back through XKPHYS (KX set)
 *   3 XKPHYS with KX clear: AdEL on the general vector, with the whole
 *     64-bit address in BadVAddr
 *   4 a load from XKSEG with an empty TLB: TLBL refill on the XTLB vector
 *     (+0x080, not +0x000), BadVAddr/EntryHi/XContext.R of the address;
 *     the handler maps the page with TLBWR and the load then reads the
 *     word of step 2
 */
#include "regdef.h"

#define UART 0xffffffffb80003f8
#define DATA_PHYS 0x00200000
#define XKPHYS_UNCACHED 0x9000000000000000
#define XKSEG_VA 0xc000000000004000
#define ST_KX 0x80
#define ST_BEV 0x400000
#define ST_ERL 0x4

    .set noreorder
    .set noat
    .text
    .globl _start
_start:
    /* 1: reset state, then BEV and ERL off with EBase at 0x80000000. */
    mfc0    t0, $12
    li      t1, ST_BEV | ST_ERL
    and     t2, t0, t1
    bne     t2, t1, fail
    li      a0, 1
    dla     t0, _start
    dsra    t0, t0, 31
    daddiu  t0, t0, 1              /* all ones above bit 31: -1 + 1 = 0 */
    bnez    t0, fail
    nop
    mtc0    zero, $12               /* kernel mode, KX clear, BEV clear */
    ehb
    dla     a1, msg1
    jal     puts
    nop

    /* 2: CKSEG0 store, XKPHYS load. */
    li      a0, 2
    li      t0, 0x5a5aa5a5
    dli     t1, 0xffffffff80000000 | DATA_PHYS
    sw      t0, 0(t1)
    li      t2, ST_KX
    mtc0    t2, $12
    ehb
    dli     t3, XKPHYS_UNCACHED | DATA_PHYS
    lw      t4, 0(t3)
    bne     t4, t0, fail
    nop
    dla     a1, msg2
    jal     puts
    nop

    /* 3: XKPHYS without KX is an address error. */
    li      a0, 3
    mtc0    zero, $12
    ehb
    move    $16, zero                /* the handler stores Cause here */
    dli     t3, XKPHYS_UNCACHED | DATA_PHYS
    lw      t4, 0(t3)              /* AdEL; the handler skips it */
    srl     t0, $16, 2
    andi    t0, t0, 0x1f
    li      t1, 4                   /* AdEL */
    bne     t0, t1, fail
    dmfc0   t2, $8                  /* BadVAddr */
    bne     t2, t3, fail
    nop
    dla     a1, msg3
    jal     puts
    nop

    /* 4: XTLB refill. */
    li      a0, 4
    li      t2, ST_KX
    mtc0    t2, $12
    mtc0    zero, $10               /* ASID 0 */
    mtc0    zero, $5                /* 4 KiB pages */
    ehb
    move    $17, zero                /* vector offset the handler saw */
    dli     t3, XKSEG_VA
    lw      t4, 0(t3)
    li      t0, 0x5a5aa5a5
    bne     t4, t0, fail
    li      t1, 0x80
    bne     $17, t1, fail
    nop
    dmfc0   t2, $8
    bne     t2, t3, fail
    nop
    dmfc0   t2, $20                 /* XContext: R at 32:31 = 3 */
    dsrl    t2, t2, 31
    andi    t2, t2, 3
    li      t1, 3
    bne     t2, t1, fail
    nop
    dla     a1, msg4
    jal     puts
    nop

    move    a0, zero
    li      t9, 1                   /* UHI exit */
    sdbbp   1
1:  b       1b
    nop

fail:
    li      t9, 1
    sdbbp   1
1:  b       1b
    nop

/* puts(a1): poll the UART's THRE, write each byte. */
puts:
    dli     $24, UART
1:  lbu     t0, 0(a1)
    beqz    t0, 3f
    nop
2:  lbu     t1, 5($24)
    andi    t1, t1, 0x20
    beqz    t1, 2b
    nop
    sb      t0, 0($24)
    b       1b
    daddiu  a1, a1, 1
3:  jr      ra
    nop

/* The vectors at EBase = 0x80000000 (sign-extended on MIPS64). */
    .section .vectors, "ax"
    .globl vectors
vectors:
    /* +0x000: 32-bit TLB refill: must not be used here. */
    li      $17, 1
    dmfc0   k0, $14
    daddiu  k0, k0, 4
    dmtc0   k0, $14
    eret
    .org 0x080
    /* +0x080: XTLB refill: map the faulting pair to DATA_PHYS (even) and
     * DATA_PHYS + 4 KiB (odd), valid, dirty, global. */
    li      $17, 0x80
    dmfc0   k0, $10
    li      k1, ((DATA_PHYS >> 12) << 6) | 0x7
    dmtc0   k1, $2
    li      k1, (((DATA_PHYS >> 12) + 1) << 6) | 0x7
    dmtc0   k1, $3
    ehb
    tlbwr
    eret
    .org 0x180
    /* +0x180: general exceptions: keep Cause, skip the instruction. */
    mfc0    $16, $13
    dmfc0   k0, $14
    daddiu  k0, k0, 4
    dmtc0   k0, $14
    eret

    .section .rodata
msg1: .asciz "reset state ok\n"
msg2: .asciz "xkphys ok\n"
msg3: .asciz "xkphys without KX: AdEL ok\n"
msg4: .asciz "xtlb refill ok\n"
