/*
 * Pattern-table lookup shared by the A32 and T16 decoders.
 *
 * A table lists (mask, value, name, handler) in the manual's order and the
 * first match wins, so the tables read like the encoding diagrams.  Scanning
 * ~100 patterns per instruction would be slow, so at start-up each table is
 * split into buckets by a handful of key bits (A32: bits 27:20 and 7:4;
 * T16: bits 15:6); a bucket lists, in table order, only the patterns whose
 * fixed bits agree with its key.  Decoding is then one index plus a scan
 * of one to a few candidates.
 */
#include <stdlib.h>

#include "target/arm/translate.h"
#include "util/error.h"

static uint32_t key_to_bits(uint32_t key, uint32_t key_mask)
{
    /* Inverse of the key function: scatter the key's bits, lowest first,
     * into the set bits of key_mask (a software pdep). */
    uint32_t out = 0;
    for (int b = 0; b < 32 && key_mask; b++) {
        if (key_mask & (1u << b)) {
            if (key & 1)
                out |= 1u << b;
            key >>= 1;
        }
    }
    return out;
}

void arm_decoder_build(struct arm_decoder *d)
{
    if (d->buckets)
        return;
    d->buckets = xcalloc(d->nbuckets, sizeof(*d->buckets));
    for (int k = 0; k < d->nbuckets; k++) {
        uint32_t bits = key_to_bits(k, d->key_mask_bits);
        uint8_t *b = d->buckets[k];
        for (int i = 0; i < d->npats; i++) {
            const struct arm_pattern *p = &d->pats[i];
            if ((bits ^ p->value) & p->mask & d->key_mask_bits)
                continue;
            if (b[0] == ARM_BUCKET_MAX)
                fatal("arm decoder: bucket %#x overflows at %s", k, p->name);
            if (i > 255)
                fatal("arm decoder: table too long");
            b[++b[0]] = (uint8_t)i;
            /* A pattern that fixes no bits outside the key matches every
             * instruction of this bucket: nothing after it can win. */
            if ((p->mask & ~d->key_mask_bits) == 0 && p->feature == ARM_NOFEAT)
                break;
        }
    }
}

const struct arm_pattern *arm_decode(const struct arm_decoder *d,
                                     uint32_t insn, uint64_t features)
{
    const uint8_t *b = d->buckets[d->key(insn)];
    for (int i = 1; i <= b[0]; i++) {
        const struct arm_pattern *p = &d->pats[b[i]];
        if ((insn & p->mask) == p->value &&
            (p->feature == ARM_NOFEAT || ((features >> p->feature) & 1)))
            return p;
    }
    return NULL;
}
