/*
 * Old-ABI system calls: the number is in the SWI instruction
 * (0x900000 + n, ARM private calls 0x9f0000 + n), r7 only for swi 0;
 * 64-bit arguments take the next two registers without EABI's even-pair
 * alignment; struct stat64 is packed (st_size at offset 44, EABI: 48);
 * the socketcall multiplexer and the old mmap with its argument block
 * still exist; a number outside the range raises SIGILL.
 */
#include "oabi.inc"

    .equ SYS_open, 0x900005
    .equ SYS_close, 0x900006
    .equ SYS_getpid, 0x900014
    .equ SYS_mmap, 0x90005a
    .equ SYS_munmap, 0x90005b
    .equ SYS_socketcall, 0x900066
    .equ SYS_ipc, 0x900075
    .equ SYS_pipe, 0x90002a
    .equ SYS_epoll_create, 0x9000fa
    .equ SYS_epoll_ctl, 0x9000fb
    .equ SYS_epoll_wait, 0x9000fc
    .equ SYS__llseek, 0x90008c
    .equ SYS_pread64, 0x9000b4
    .equ SYS_fstat64, 0x9000c5
    .equ SYS_gettid, 0x9000e0
    .equ SYS_rt_sigaction, 0x9000ae
    .equ ARM_set_tls, 0x9f0005

    .text
    .arm
    .global _start
_start:
    mov r11, #0
    ldr r10, =buf

    adr r1, hello
    mov r2, #(hello_end - hello)
    bl put
    CHECK r0, hello_len

    mov r7, #1                   @ exit, if r7 counted
    swi SYS_getpid
    mov r4, r0
    swi SYS_gettid               @ a single thread: the same id
    CHECKREG r0, r4
    /* swi 0 takes the number from r7, as EABI kernels with OABI
     * compatibility do. */
    mov r7, #20
    swi 0
    CHECKREG r0, r4

    ldr r0, =exe
    mov r1, #0                   @ O_RDONLY
    swi SYS_open
    movs r6, r0
    blmi fail
    /* pread64(fd, buf, 4, offset 1): the offset is r3 (low) and r4
     * (high).  Under EABI it would be r4:r5, here 2^32: end of file. */
    mov r0, r6
    mov r1, r10
    mov r2, #4
    mov r3, #1
    mov r4, #0
    mov r5, #1
    swi SYS_pread64
    CHECK r0, 4
    CHECKMEM 0, 0x01464c45       @ "ELF" and ELFCLASS32
    /* _llseek(fd, high 0, low 0, &result, SEEK_END): the file size */
    mov r0, r6
    mov r1, #0
    mov r2, #0
    add r3, r10, #8
    mov r4, #2
    swi SYS__llseek
    CHECK r0, 0
    ldr r5, [r10, #8]            @ size (low word)
    CHECKMEM 12, 0
    /* fstat64: the packed OABI layout */
    mov r0, r6
    add r1, r10, #16
    swi SYS_fstat64
    CHECK r0, 0
    ldr r0, [r10, #16 + 44]
    CHECKREG r0, r5              @ st_size
    CHECKMEM 16 + 48, 0
    ldr r0, [r10, #16 + 16]      @ st_mode
    and r0, r0, #0xf000
    CHECK r0, 0x8000             @ S_IFREG
    mov r0, r6
    swi SYS_close
    CHECK r0, 0

    /* socketcall(SYS_SOCKET, {AF_UNIX, SOCK_STREAM, 0}) */
    mov r0, #1
    str r0, [r10, #128]
    str r0, [r10, #132]
    mov r0, #0
    str r0, [r10, #136]
    mov r0, #1
    add r1, r10, #128
    swi SYS_socketcall
    movs r6, r0
    blmi fail
    add r11, r11, #1
    mov r0, r6
    swi SYS_close
    CHECK r0, 0

    /* The old mmap: arguments in memory, the offset in bytes. */
    adr r0, mmap_args
    swi SYS_mmap
    mov r6, r0
    ldr r1, =0x5a5a1234
    str r1, [r6, #4092]
    ldr r0, [r6, #4092]
    CHECKREG r0, r1
    mov r0, r6
    mov r1, #4096
    swi SYS_munmap
    CHECK r0, 0

    /* The ipc() multiplexer with OABI's 8-byte struct sembuf: two
     * operations whose padding halfwords hold 0x7fff, so a 6-byte stride
     * would read the second operation's sem_num as 0x7fff (EFBIG). */
    mov r0, #2                   @ SEMGET
    mov r1, #0                   @ IPC_PRIVATE
    mov r2, #2                   @ two semaphores
    mov r3, #0x380               @ IPC_CREAT | 0600
    swi SYS_ipc
    movs r6, r0
    blmi fail
    add r11, r11, #1
    adr r4, sem_ops
    mov r0, #1                   @ SEMOP
    mov r1, r6
    mov r2, #2
    mov r3, #0
    swi SYS_ipc
    CHECK r0, 0
    mov r0, #3                   @ SEMCTL GETVAL, semaphore 1
    mov r1, r6
    mov r2, #1
    mov r3, #12
    add r4, r10, #128            @ the union semun (unused by GETVAL)
    swi SYS_ipc
    CHECK r0, 5
    mov r0, #3                   @ SEMCTL GETVAL, semaphore 0
    mov r1, r6
    mov r2, #0
    mov r3, #12
    swi SYS_ipc
    CHECK r0, 3
    mov r0, #3                   @ SEMCTL IPC_RMID
    mov r1, r6
    mov r2, #0
    mov r3, #0
    swi SYS_ipc
    CHECK r0, 0

    /* epoll with OABI's packed struct epoll_event: events at 0, the
     * 64-bit data at 4 (EABI: 8), 12 bytes per event. */
    add r0, r10, #192
    swi SYS_pipe
    CHECK r0, 0
    mov r0, #4
    swi SYS_epoll_create
    movs r6, r0
    blmi fail
    add r11, r11, #1
    ldr r0, [r10, #196]          @ the write end
    adr r1, hello
    mov r2, #1
    swi SYS_write
    CHECK r0, 1
    mov r0, r6
    mov r1, #1                   @ EPOLL_CTL_ADD
    ldr r2, [r10, #192]          @ the read end
    adr r3, epoll_in
    swi SYS_epoll_ctl
    CHECK r0, 0
    mov r0, #0
    mov r1, #-1
    str r1, [r10, #160]
    str r1, [r10, #164]
    str r1, [r10, #168]
    str r1, [r10, #172]
    mov r0, r6
    add r1, r10, #160
    mov r2, #2
    mov r3, #0
    swi SYS_epoll_wait
    CHECK r0, 1
    CHECKMEM 160, 1              @ EPOLLIN
    CHECKMEM 164, 0x55667788
    CHECKMEM 168, 0x11223344
    CHECKMEM 172, 0xffffffff     @ the second event is not written
    mov r0, r6
    swi SYS_close
    ldr r0, [r10, #192]
    swi SYS_close
    ldr r0, [r10, #196]
    swi SYS_close

    /* A number outside the OABI range: SIGILL, as the kernel's
     * bad_syscall sends; the handler returns (through kemu's signal
     * return code, `mov r7, #119; swi 0`) after the SWI with r0 as it
     * was. */
    ldr r0, =sigill
    str r0, [r10, #128]
    mov r0, #0
    str r0, [r10, #132]
    str r0, [r10, #136]
    str r0, [r10, #140]
    str r0, [r10, #144]
    mov r0, #4                   @ SIGILL
    add r1, r10, #128
    mov r2, #0
    mov r3, #8
    swi SYS_rt_sigaction
    CHECK r0, 0
    ldr r0, =0x1234
    swi 0x000014
    CHECK r0, 0x1234
    ldr r0, =sigill_seen
    ldr r0, [r0]
    CHECK r0, 1

    /* An ARM private call: set_tls, read back through the kernel helper */
    ldr r0, =0x12345678
    swi ARM_set_tls
    CHECK r0, 0
    mov lr, pc
    ldr pc, =0xffff0fe0          @ __kuser_get_tls
    CHECK r0, 0x12345678
    b pass

sigill:                          @ (sigreturn restores every register)
    ldr r1, =sigill_seen
    mov r2, #1
    str r2, [r1]
    mov pc, lr

epoll_in:                        @ EPOLLIN, data 0x1122334455667788
    .word 1, 0x55667788, 0x11223344
sem_ops:                         @ sem_num, sem_op, sem_flg, padding
    .short 1, 5, 0, 0x7fff
    .short 0, 3, 0, 0x7fff
mmap_args:
    .word 0, 4096, 3, 0x22, -1, 0    @ PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS
hello:
    .ascii "oabi: write through swi 0x900004\n"
hello_end:
    .equ hello_len, hello_end - hello
exe:
    .asciz "/proc/self/exe"
name:
    .ascii "oabi_syscalls: "
name_end:
    .align 2

#include "report.inc"

    .bss
    .align 3
buf:
    .space 256
sigill_seen:
    .space 4
