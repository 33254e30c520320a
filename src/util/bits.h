/* Small bit and byte-order helpers shared by every layer. */
#ifndef KEMU_UTIL_BITS_H
#define KEMU_UTIL_BITS_H

#include <stdint.h>
#include <string.h>

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

static inline uint32_t extract32(uint32_t v, unsigned pos, unsigned len)
{
    return (v >> pos) & (len == 32 ? ~0u : ((1u << len) - 1));
}

static inline int32_t sextract32(uint32_t v, unsigned pos, unsigned len)
{
    return (int32_t)(v << (32 - pos - len)) >> (32 - len);
}

static inline uint64_t extract64(uint64_t v, unsigned pos, unsigned len)
{
    return (v >> pos) & (len == 64 ? ~0ull : ((1ull << len) - 1));
}

static inline int64_t sextract64(uint64_t v, unsigned pos, unsigned len)
{
    return (int64_t)(v << (64 - pos - len)) >> (64 - len);
}

static inline uint32_t deposit32(uint32_t v, unsigned pos, unsigned len,
                                 uint32_t field)
{
    uint32_t mask = (len == 32 ? ~0u : ((1u << len) - 1)) << pos;
    return (v & ~mask) | ((field << pos) & mask);
}

static inline uint64_t deposit64(uint64_t v, unsigned pos, unsigned len,
                                 uint64_t field)
{
    uint64_t mask = (len == 64 ? ~0ull : ((1ull << len) - 1)) << pos;
    return (v & ~mask) | ((field << pos) & mask);
}

static inline uint16_t ld16_le(const void *p) { uint16_t v; memcpy(&v, p, 2); return v; }
static inline uint32_t ld32_le(const void *p) { uint32_t v; memcpy(&v, p, 4); return v; }
static inline uint64_t ld64_le(const void *p) { uint64_t v; memcpy(&v, p, 8); return v; }
static inline uint16_t ld16_be(const void *p) { return __builtin_bswap16(ld16_le(p)); }
static inline uint32_t ld32_be(const void *p) { return __builtin_bswap32(ld32_le(p)); }
static inline uint64_t ld64_be(const void *p) { return __builtin_bswap64(ld64_le(p)); }
static inline void st16_le(void *p, uint16_t v) { memcpy(p, &v, 2); }
static inline void st32_le(void *p, uint32_t v) { memcpy(p, &v, 4); }
static inline void st64_le(void *p, uint64_t v) { memcpy(p, &v, 8); }
static inline void st16_be(void *p, uint16_t v) { st16_le(p, __builtin_bswap16(v)); }
static inline void st32_be(void *p, uint32_t v) { st32_le(p, __builtin_bswap32(v)); }
static inline void st64_be(void *p, uint64_t v) { st64_le(p, __builtin_bswap64(v)); }

#endif
