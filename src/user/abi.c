/* Lookup of guest ABIs and the translations every syscall shares. */
#include <string.h>

#include "user/abi.h"

extern const struct user_abi arm_user_abi;
extern const struct user_abi mips_user_abi, mipsel_user_abi, mips64_user_abi,
    mips64el_user_abi;

static const struct user_abi *const abis[] = {
    &arm_user_abi,
    &mips_user_abi, &mipsel_user_abi, &mips64_user_abi, &mips64el_user_abi,
};

const struct user_abi *user_abi;

const struct user_abi *user_abi_find(const char *target_name)
{
    for (size_t i = 0; i < sizeof(abis) / sizeof(abis[0]); i++)
        if (strcmp(abis[i]->name, target_name) == 0)
            return abis[i];
    return NULL;
}

/* Rows with mask == bits are single flags; other rows match a multi-bit
 * field value.  Guest bits no row names are dropped; a NULL table means
 * the guest uses the host's values. */
uint32_t abi_bits_to_host(const struct abi_bits *t, uint32_t guest)
{
    uint32_t host = 0;

    if (!t)
        return guest;
    for (; t->guest_mask || t->host_mask; t++)
        if ((guest & t->guest_mask) == t->guest_bits)
            host |= t->host_bits;
    return host;
}

uint32_t abi_bits_to_guest(const struct abi_bits *t, uint32_t host)
{
    uint32_t guest = 0;

    if (!t)
        return host;
    for (; t->guest_mask || t->host_mask; t++)
        if ((host & t->host_mask) == t->host_bits)
            guest |= t->guest_bits;
    return guest;
}

int abi_errno_to_guest(int e)
{
    const struct user_abi *a = user_abi;
    if (!a->errno_map || e < 0 || (size_t)e >= a->n_errno_map)
        return e;
    return a->errno_map[e];
}

int abi_signal_to_guest(int s)
{
    if (!user_abi->signal_map || s <= 0 || s >= 65)
        return s;
    return user_abi->signal_map[s];
}

int abi_signal_to_host(int s)
{
    if (!user_abi->signal_map)
        return s >= 1 && s < 65 ? s : -1;
    for (int h = 1; h < 65; h++)
        if (user_abi->signal_map[h] == s)
            return h;
    return -1;
}
