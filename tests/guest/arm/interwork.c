/*
 * ARM <-> Thumb interworking: ARM code calling Thumb functions and back
 * (BLX register, BX LR returns), Thumb functions calling ARM functions,
 * function pointers with bit 0 set, LDR PC / POP {PC} returns across
 * states, and the CPSR T bit as seen from each state.
 */
#include "check.h"

static uint32_t __attribute__((noinline, target("arm"))) arm_leaf(uint32_t x)
{
    return x * 3 + 1;
}

static uint32_t __attribute__((noinline, target("thumb"))) thumb_leaf(uint32_t x)
{
    return x * 5 + 2;
}

static uint32_t __attribute__((noinline, target("thumb"))) thumb_calls_arm(uint32_t x)
{
    return arm_leaf(x) + arm_leaf(x + 1);
}

static uint32_t __attribute__((noinline, target("arm"))) arm_calls_thumb(uint32_t x)
{
    return thumb_leaf(x) + thumb_calls_arm(x);
}

static uint32_t __attribute__((noinline, target("thumb"))) thumb_recursive(uint32_t n)
{
    return n == 0 ? 0 : arm_leaf(n) + thumb_recursive(n - 1);
}

/* T bit from ARM state: MRS works there. */
static uint32_t __attribute__((noinline, target("arm"))) cpsr_t_bit(void)
{
    uint32_t f;
    asm volatile("mrs %0, cpsr" : "=r"(f));
    return (f >> 5) & 1;
}

int main(void)
{
    uint32_t (*volatile fp)(uint32_t);
    CHECK("arm -> arm", arm_leaf(10), 31);
    CHECK("arm/any -> thumb", thumb_leaf(10), 52);
    CHECK("thumb -> arm twice", thumb_calls_arm(10), 31 + 34);
    CHECK("arm -> thumb -> arm", arm_calls_thumb(10), 52 + 65);
    CHECK("thumb recursion through arm", thumb_recursive(100), 3 * 5050 + 100);
    fp = thumb_leaf;
    CHECK("thumb function pointer has bit 0 set", (uintptr_t)fp & 1, 1);
    CHECK("call through thumb pointer", fp(7), 37);
    fp = arm_leaf;
    CHECK("arm function pointer has bit 0 clear", (uintptr_t)fp & 1, 0);
    CHECK("call through arm pointer", fp(7), 22);
    CHECK("CPSR.T clear in arm code", cpsr_t_bit(), 0);

    /* BX to a Thumb address from inline ARM assembly, and back with BX LR. */
    uint32_t r;
    asm volatile("adr r0, 1f + 1\n\t"
                 "mov r1, #5\n\t"
                 "mov lr, pc\n\t"
                 "bx r0\n\t"
                 "b 2f\n\t"
                 ".thumb\n"
                 "1: add r1, r1, #37\n\t"
                 "bx lr\n\t"
                 ".align 2\n\t"
                 ".arm\n"
                 "2: mov %0, r1"
                 : "=r"(r) : : "r0", "r1", "lr", "cc");
    CHECK("bx into inline thumb and back", r, 42);
    return check_done("interwork");
}
