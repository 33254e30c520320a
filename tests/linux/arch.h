/*
 * What the signal tests need to know about the CPU they are built for:
 * where the signal frame keeps the PC, an instruction that is undefined,
 * a breakpoint instruction and the si_addr its SIGTRAP carries.
 */
#ifndef KEMU_TEST_LINUX_ARCH_H
#define KEMU_TEST_LINUX_ARCH_H

#include <stdint.h>
#include <ucontext.h>

#if defined(__arm__)
#define FRAME_PC(uc) ((uintptr_t)(uc)->uc_mcontext.arm_pc)
/* ARM's sigcontext also records the faulting data address. */
#define FRAME_FAULT_ADDRESS(uc) ((uintptr_t)(uc)->uc_mcontext.fault_address)
#define UNDEFINED_INSN ".word 0xe7f000f0"      /* UDF */
#define BREAKPOINT_INSN "bkpt #0"
/* The kernel reports a BKPT at the instruction. */
#define BREAKPOINT_SI_ADDR(insn) ((uintptr_t)(insn))
#elif defined(__mips__)
#define FRAME_PC(uc) ((uintptr_t)(uc)->uc_mcontext.pc)
/* Major opcode 59 is reserved in MIPS32/MIPS64 Release 2. */
#define UNDEFINED_INSN ".word 0xec000000"
#define BREAKPOINT_INSN "break"
/* do_bp sends SIGTRAP/TRAP_BRKPT without an address. */
#define BREAKPOINT_SI_ADDR(insn) ((uintptr_t)0)
#else
#error "unknown architecture"
#endif

#endif
