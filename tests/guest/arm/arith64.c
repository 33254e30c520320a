/*
 * 64-bit arithmetic, most of it through libgcc helpers on ARMv5
 * (__aeabi_ldivmod, __aeabi_uldivmod, __aeabi_llsl/llsr/lasr, lmul),
 * and 32-bit division (__aeabi_idiv/uidiv: no divide instruction).
 * Expected values come from a native host build (tests/guest/gen-expect.sh).
 */
#include "check.h"

static const uint64_t u[] = {
    0, 1, 2, 3, 7, 10, 0xffffffffull, 0x100000000ull, 0x123456789abcdef0ull,
    0x7fffffffffffffffull, 0x8000000000000000ull, 0xffffffffffffffffull,
    0xfffffffffffffffeull, 1000000007ull, 0x00000001fffffffeull,
};
#define NU (sizeof u / sizeof u[0])

static const uint32_t w[] = {
    0, 1, 2, 3, 7, 10, 0x7fffffff, 0x80000000, 0xffffffff, 0xfffffffe,
    1000000007, 0x12345678,
};
#define NW (sizeof w / sizeof w[0])

/* Results are folded per operation and row so one table value covers a
 * row; a mismatch still names the operation and the first operand. */
static uint64_t fold(uint64_t h, uint64_t v)
{
    return (h ^ v) * 0x100000001b3ull + (v >> 29);
}

enum { MUL, ADD, SUB, CMP, UDIV, UMOD, SDIV, SMOD, NOPS64 };
static const char *const names64[NOPS64] = {
    "mul64", "add64", "sub64", "cmp64", "udiv64", "umod64", "sdiv64", "smod64",
};
enum { UMUL, SMUL, UDIV32, UMOD32, SDIV32, SMOD32, NOPS32 };
static const char *const names32[NOPS32] = {
    "umul32x32", "smul32x32", "udiv32", "umod32", "sdiv32", "smod32",
};

int main(void)
{
    volatile uint64_t sink;
    for (unsigned i = 0; i < NU; i++) {
        uint64_t h[NOPS64] = { 0 };
        for (unsigned j = 0; j < NU; j++) {
            uint64_t a = u[i], b = u[j];
            int64_t sa = (int64_t)a, sb = (int64_t)b;
            h[MUL] = fold(h[MUL], a * b);
            h[ADD] = fold(h[ADD], a + b);
            h[SUB] = fold(h[SUB], a - b);
            h[CMP] = fold(h[CMP], (a < b) | (sa < sb) << 1 | (a == b) << 2);
            if (b != 0) {
                h[UDIV] = fold(h[UDIV], a / b);
                h[UMOD] = fold(h[UMOD], a % b);
                if (!(sa == INT64_MIN && sb == -1)) {
                    h[SDIV] = fold(h[SDIV], (uint64_t)(sa / sb));
                    h[SMOD] = fold(h[SMOD], (uint64_t)(sa % sb));
                }
            }
        }
        for (int op = 0; op < NOPS64; op++)
            EXPECT_HOSTF(h[op], "%s 0x%llx,*", names64[op], (unsigned long long)u[i]);
    }
    for (unsigned i = 0; i < NU; i++) {
        uint64_t hl = 0, hr = 0, ha = 0;
        for (unsigned s = 0; s < 64; s++) {
            volatile unsigned sh = s;
            hl = fold(hl, u[i] << sh);
            hr = fold(hr, u[i] >> sh);
            ha = fold(ha, (uint64_t)((int64_t)u[i] >> sh));
        }
        EXPECT_HOSTF(hl, "shl64 0x%llx by 0..63", (unsigned long long)u[i]);
        EXPECT_HOSTF(hr, "shr64 0x%llx by 0..63", (unsigned long long)u[i]);
        EXPECT_HOSTF(ha, "sar64 0x%llx by 0..63", (unsigned long long)u[i]);
    }
    for (unsigned i = 0; i < NW; i++) {
        uint64_t h[NOPS32] = { 0 };
        for (unsigned j = 0; j < NW; j++) {
            uint32_t a = w[i], b = w[j];
            int32_t sa = (int32_t)a, sb = (int32_t)b;
            h[UMUL] = fold(h[UMUL], (uint64_t)a * b);
            h[SMUL] = fold(h[SMUL], (uint64_t)((int64_t)sa * sb));
            if (b) {
                h[UDIV32] = fold(h[UDIV32], a / b);
                h[UMOD32] = fold(h[UMOD32], a % b);
                if (!(sa == INT32_MIN && sb == -1)) {
                    h[SDIV32] = fold(h[SDIV32], (uint32_t)(sa / sb));
                    h[SMOD32] = fold(h[SMOD32], (uint32_t)(sa % sb));
                }
            }
        }
        for (int op = 0; op < NOPS32; op++)
            EXPECT_HOSTF(h[op], "%s 0x%x,*", names32[op], w[i]);
    }
    /* Spot checks written by hand. */
    volatile uint64_t big = 0xffffffffffffffffull, ten = 10;
    volatile int64_t neg = -7, two = 2;
    CHECK("UINT64_MAX / 10", big / ten, 1844674407370955161ull);
    CHECK("UINT64_MAX % 10", big % ten, 5);
    CHECK("-7 / 2", (uint64_t)(neg / two), (uint64_t)-3);
    CHECK("-7 % 2", (uint64_t)(neg % two), (uint64_t)-1);
    CHECK("-7 >> 1", (uint64_t)(neg >> 1), (uint64_t)-4);

    /* A long dependent chain: an LCG and a running sum. */
    uint64_t x = 88172645463325252ull, sum = 0;
    for (int i = 0; i < 10000; i++) {
        x = x * 6364136223846793005ull + 1442695040888963407ull;
        sum += x >> (x & 31);
        sum ^= sum / ((x | 1) & 0xffff);
    }
    sink = sum;
    EXPECT_HOST("lcg chain", sink);
    return check_done("arith64");
}

HOST_EXPECT_TABLE = {
/* host-expect begin */
    0x0ull, /* mul64 0x0,* */
    0xe63b45a88f16aa25ull, /* add64 0x0,* */
    0x442cad1c9e26dddull, /* sub64 0x0,* */
    0x2334ac4c92f2b510ull, /* cmp64 0x0,* */
    0x0ull, /* udiv64 0x0,* */
    0x0ull, /* umod64 0x0,* */
    0x0ull, /* sdiv64 0x0,* */
    0x0ull, /* smod64 0x0,* */
    0xe63b45a88f16aa25ull, /* mul64 0x1,* */
    0xa6753e688cddc4bfull, /* add64 0x1,* */
    0xf81d8b84dace5321ull, /* sub64 0x1,* */
    0x23ba076cd0c6403full, /* cmp64 0x1,* */
    0x17180cfd8ae0759ull, /* udiv64 0x1,* */
    0x85480a9ca902bf6full, /* umod64 0x1,* */
    0x7d2a4d7fcc343d6bull, /* sdiv64 0x1,* */
    0x13f68aa4f56e4196ull, /* smod64 0x1,* */
    0xa82d39d1424cb96bull, /* mul64 0x2,* */
    0xeff8eba74a48d83eull, /* add64 0x2,* */
    0xdd69f4a45a7801bfull, /* sub64 0x2,* */
    0x4dbe22f67ad4245eull, /* cmp64 0x2,* */
    0x92d45c19fdc66375ull, /* udiv64 0x2,* */
    0x15529fbb46cf2aa8ull, /* umod64 0x2,* */
    0x6ba81a09fdc3804cull, /* sdiv64 0x2,* */
    0xe6b03daaa433aedcull, /* smod64 0x2,* */
    0x39b3f94a56319c71ull, /* mul64 0x3,* */
    0x3e04381f687bb0dull, /* add64 0x3,* */
    0xba669b06439e8843ull, /* sub64 0x3,* */
    0x316604e8ac053d9dull, /* cmp64 0x3,* */
    0x69a6ab95986df9f9ull, /* udiv64 0x3,* */
    0xf5fc746240bb8a44ull, /* umod64 0x3,* */
    0x226a6d9e9b0c4c83ull, /* sdiv64 0x3,* */
    0x1605aa493e149871ull, /* smod64 0x3,* */
    0x77897faf2dc8fedaull, /* mul64 0x7,* */
    0x1eac76bd54c1f5b1ull, /* add64 0x7,* */
    0x65be68a8b63fd9a4ull, /* sub64 0x7,* */
    0x51af1817409a6054ull, /* cmp64 0x7,* */
    0xe03e3ae0a4ba58dbull, /* udiv64 0x7,* */
    0xaeb6b7195c50bc60ull, /* umod64 0x7,* */
    0x87af06e99d88ae0full, /* sdiv64 0x7,* */
    0x2be989219ec9b675ull, /* smod64 0x7,* */
    0xce649ef5f68b07f3ull, /* mul64 0xa,* */
    0x29ef76e5e052456ull, /* add64 0xa,* */
    0xa7ecb26bf9f7317cull, /* sub64 0xa,* */
    0x5619ba2ee65c1debull, /* cmp64 0xa,* */
    0x6bf2bd448a35a3a4ull, /* udiv64 0xa,* */
    0x454df22c4710ef5eull, /* umod64 0xa,* */
    0xa7371f87fbec18d1ull, /* sdiv64 0xa,* */
    0x2f057bfa10ecc3daull, /* smod64 0xa,* */
    0x378245d419344a5ull, /* mul64 0xffffffff,* */
    0xf63145317c2bcb2bull, /* add64 0xffffffff,* */
    0x5c4b9583a011c62bull, /* sub64 0xffffffff,* */
    0x1df812c6ab1a1bedull, /* cmp64 0xffffffff,* */
    0xf9a729067890ba76ull, /* udiv64 0xffffffff,* */
    0x87bb0333241b0934ull, /* umod64 0xffffffff,* */
    0x476f66e9227bdd18ull, /* sdiv64 0xffffffff,* */
    0xa3a031103df23581ull, /* smod64 0xffffffff,* */
    0xb9a26fa9f04166a8ull, /* mul64 0x100000000,* */
    0xb852d24114e62ffdull, /* add64 0x100000000,* */
    0x4b0e6bf696445b5ull, /* sub64 0x100000000,* */
    0x1dd6a6183b2c157eull, /* cmp64 0x100000000,* */
    0x58e20d495494b04full, /* udiv64 0x100000000,* */
    0xd190aa6b2ff7414cull, /* umod64 0x100000000,* */
    0x437b1583ad32150bull, /* sdiv64 0x100000000,* */
    0x8da7672f574e4fecull, /* smod64 0x100000000,* */
    0x4150871027e5f9e7ull, /* mul64 0x123456789abcdef0,* */
    0x6627f70cc2fa1fa6ull, /* add64 0x123456789abcdef0,* */
    0xad8247b289e034d9ull, /* sub64 0x123456789abcdef0,* */
    0x35af689fe522f19aull, /* cmp64 0x123456789abcdef0,* */
    0xe5fd216d705ea298ull, /* udiv64 0x123456789abcdef0,* */
    0x3a25f93b608006a7ull, /* umod64 0x123456789abcdef0,* */
    0x4021d8ada8191232ull, /* sdiv64 0x123456789abcdef0,* */
    0x60a256e04211c077ull, /* smod64 0x123456789abcdef0,* */
    0x590dde2dc9e26dddull, /* mul64 0x7fffffffffffffff,* */
    0x6b69b0e1fb859b03ull, /* add64 0x7fffffffffffffff,* */
    0xc0e994f892560003ull, /* sub64 0x7fffffffffffffff,* */
    0xe7b742ede3c8c561ull, /* cmp64 0x7fffffffffffffff,* */
    0x7c208cd0cf6cb48full, /* udiv64 0x7fffffffffffffff,* */
    0xfb34b138e0919c6full, /* umod64 0x7fffffffffffffff,* */
    0xf148981a104f8975ull, /* sdiv64 0x7fffffffffffffff,* */
    0x41aef315e5e0401aull, /* smod64 0x7fffffffffffffff,* */
    0x782db7e400000000ull, /* mul64 0x8000000000000000,* */
    0x3a9ed9a48f16aa25ull, /* add64 0x8000000000000000,* */
    0xbd64c4dc9e26dddull, /* sub64 0x8000000000000000,* */
    0x169a161eba5e9a7aull, /* cmp64 0x8000000000000000,* */
    0xd10f3b845d3a2712ull, /* udiv64 0x8000000000000000,* */
    0x3e1b8f1aa332881eull, /* umod64 0x8000000000000000,* */
    0xe11edeeff83da62cull, /* sdiv64 0x8000000000000000,* */
    0x9083c3af9e7d3c80ull, /* smod64 0x8000000000000000,* */
    0x442cad1c9e26dddull, /* mul64 0xffffffffffffffff,* */
    0x4fe5ef65fb859b03ull, /* add64 0xffffffffffffffff,* */
    0x6530560c92560003ull, /* sub64 0xffffffffffffffff,* */
    0xe0df078e4f47a33cull, /* cmp64 0xffffffffffffffff,* */
    0xa95ecb23900f084aull, /* udiv64 0xffffffffffffffff,* */
    0xed7d880395596270ull, /* umod64 0xffffffffffffffff,* */
    0x71ea76d6311d6075ull, /* sdiv64 0xffffffffffffffff,* */
    0xe4f402f29db812a8ull, /* smod64 0xffffffffffffffff,* */
    0xbda9cc2b95b3f229ull, /* mul64 0xfffffffffffffffe,* */
    0xbe569bcf027a3863ull, /* add64 0xfffffffffffffffe,* */
    0xa2a43030e7bc0dc3ull, /* sub64 0xfffffffffffffffe,* */
    0x1e0637c8971443e3ull, /* cmp64 0xfffffffffffffffe,* */
    0xca2015cf59276a0eull, /* udiv64 0xfffffffffffffffe,* */
    0x4a056ac44370e0aeull, /* umod64 0xfffffffffffffffe,* */
    0xb80a7a7ffe115078ull, /* sdiv64 0xfffffffffffffffe,* */
    0x60e24bb2608624d4ull, /* smod64 0xfffffffffffffffe,* */
    0xa3631d429fed00cfull, /* mul64 0x3b9aca07,* */
    0xc9d53e4d9171d0deull, /* add64 0x3b9aca07,* */
    0x81b45114ffe2e8c2ull, /* sub64 0x3b9aca07,* */
    0xf38f6620d9243adcull, /* cmp64 0x3b9aca07,* */
    0x9aa6a605c4ca751cull, /* udiv64 0x3b9aca07,* */
    0xc88a20c46a939dcull, /* umod64 0x3b9aca07,* */
    0x3b1f540dbe7776b5ull, /* sdiv64 0x3b9aca07,* */
    0x64cb985915f77a65ull, /* smod64 0x3b9aca07,* */
    0x1af98cb6299bad39ull, /* mul64 0x1fffffffe,* */
    0xf259299b6090b4b3ull, /* add64 0x1fffffffe,* */
    0x1cec0cdc0621d2b3ull, /* sub64 0x1fffffffe,* */
    0xa1eb84f40f6ee47bull, /* cmp64 0x1fffffffe,* */
    0x6afcc822d205d3b2ull, /* udiv64 0x1fffffffe,* */
    0xe2cc0f5226728c03ull, /* umod64 0x1fffffffe,* */
    0xb36009f62ac41b07ull, /* sdiv64 0x1fffffffe,* */
    0x3af1a494741232c7ull, /* smod64 0x1fffffffe,* */
    0x0ull, /* shl64 0x0 by 0..63 */
    0x0ull, /* shr64 0x0 by 0..63 */
    0x0ull, /* sar64 0x0 by 0..63 */
    0x4a6a81baa83811b2ull, /* shl64 0x1 by 0..63 */
    0xe9be24f4c2cc101ull, /* shr64 0x1 by 0..63 */
    0xe9be24f4c2cc101ull, /* sar64 0x1 by 0..63 */
    0xaffad112b754378full, /* shl64 0x2 by 0..63 */
    0x4e375a566425d27dull, /* shr64 0x2 by 0..63 */
    0x4e375a566425d27dull, /* sar64 0x2 by 0..63 */
    0xfb82e760ebdf560dull, /* shl64 0x3 by 0..63 */
    0xfad4113618b9f288ull, /* shr64 0x3 by 0..63 */
    0xfad4113618b9f288ull, /* sar64 0x3 by 0..63 */
    0xf1433610663e9a8cull, /* shl64 0x7 by 0..63 */
    0xa4c9f9f62239d99bull, /* shr64 0x7 by 0..63 */
    0xa4c9f9f62239d99bull, /* sar64 0x7 by 0..63 */
    0x83ada0b1427c1380ull, /* shl64 0xa by 0..63 */
    0x5ebd9bfebf28cdc8ull, /* shr64 0xa by 0..63 */
    0x5ebd9bfebf28cdc8ull, /* sar64 0xa by 0..63 */
    0xaaeaf85f54c53157ull, /* shl64 0xffffffff by 0..63 */
    0x7ed8ee9e6d4e2559ull, /* shr64 0xffffffff by 0..63 */
    0x7ed8ee9e6d4e2559ull, /* sar64 0xffffffff by 0..63 */
    0x7de9d3bb542dc288ull, /* shl64 0x100000000 by 0..63 */
    0x7b5467cc58d638d4ull, /* shr64 0x100000000 by 0..63 */
    0x7b5467cc58d638d4ull, /* sar64 0x100000000 by 0..63 */
    0xe789afe6b0dbb856ull, /* shl64 0x123456789abcdef0 by 0..63 */
    0xa53ca6c64ee7fffcull, /* shr64 0x123456789abcdef0 by 0..63 */
    0xa53ca6c64ee7fffcull, /* sar64 0x123456789abcdef0 by 0..63 */
    0x4ed34fbc2aff9bdfull, /* shl64 0x7fffffffffffffff by 0..63 */
    0x2c51203060b4eb97ull, /* shr64 0x7fffffffffffffff by 0..63 */
    0x2c51203060b4eb97ull, /* sar64 0x7fffffffffffffff by 0..63 */
    0xaf3141ec00000000ull, /* shl64 0x8000000000000000 by 0..63 */
    0xb44ea934e4a589acull, /* shr64 0x8000000000000000 by 0..63 */
    0x463bc6939c6327efull, /* sar64 0x8000000000000000 by 0..63 */
    0x3fe7ef482aff9bdfull, /* shl64 0xffffffffffffffff by 0..63 */
    0x6459888033e0749ull, /* shr64 0xffffffffffffffff by 0..63 */
    0xf5b9984f4c2cc100ull, /* sar64 0xffffffffffffffff by 0..63 */
    0xb5c9c60bb740b801ull, /* shl64 0xfffffffffffffffe by 0..63 */
    0xc9cee8a3973a13a2ull, /* shr64 0xfffffffffffffffe by 0..63 */
    0x4557a9e98598201ull, /* sar64 0xfffffffffffffffe by 0..63 */
    0x3376610696ef5f95ull, /* shl64 0x3b9aca07 by 0..63 */
    0xff534073b6b7d2efull, /* shr64 0x3b9aca07 by 0..63 */
    0xff534073b6b7d2efull, /* sar64 0x3b9aca07 by 0..63 */
    0x8538b7f72be1a331ull, /* shl64 0x1fffffffe by 0..63 */
    0xa5d0e8b58dfee74eull, /* shr64 0x1fffffffe by 0..63 */
    0xa5d0e8b58dfee74eull, /* sar64 0x1fffffffe by 0..63 */
    0x0ull, /* umul32x32 0x0,* */
    0x0ull, /* smul32x32 0x0,* */
    0x0ull, /* udiv32 0x0,* */
    0x0ull, /* umod32 0x0,* */
    0x0ull, /* sdiv32 0x0,* */
    0x0ull, /* smod32 0x0,* */
    0x7535313cf5d35d38ull, /* umul32x32 0x1,* */
    0xe72d571de82d65b0ull, /* smul32x32 0x1,* */
    0x30b961f8212a420bull, /* udiv32 0x1,* */
    0x461f2e3569c39eaeull, /* umod32 0x1,* */
    0x4e2aade4aaf7f811ull, /* sdiv32 0x1,* */
    0xb770ae2d1d581c87ull, /* smod32 0x1,* */
    0x135523561cae4b43ull, /* umul32x32 0x2,* */
    0x10fee10c3e1e5c33ull, /* smul32x32 0x2,* */
    0x7a17e4f3c5a4a65full, /* udiv32 0x2,* */
    0xa50be59c33190736ull, /* umod32 0x2,* */
    0x980edcdf9e78e726ull, /* sdiv32 0x2,* */
    0xd3ae47acd5b48302ull, /* smod32 0x2,* */
    0xa08cbd7d48df7679ull, /* umul32x32 0x3,* */
    0x7ec6f96d5fd957e1ull, /* smul32x32 0x3,* */
    0xcf15a4274c999ebull, /* udiv32 0x3,* */
    0x99ddeb713bc99f91ull, /* umod32 0x3,* */
    0x1fca3989f7681e21ull, /* sdiv32 0x3,* */
    0xf9ea0568e5999f20ull, /* smod32 0x3,* */
    0xd679c7f6b3b74ebull, /* umul32x32 0x7,* */
    0x51c5e3731b10ce13ull, /* smul32x32 0x7,* */
    0x65dceb1a4d314e91ull, /* udiv32 0x7,* */
    0x1aa1b0f0b499d459ull, /* umod32 0x7,* */
    0xf3aff4a28b4db4a5ull, /* sdiv32 0x7,* */
    0x1d3e6709cae0c0d8ull, /* smod32 0x7,* */
    0x33b62d2b251b18f4ull, /* umul32x32 0xa,* */
    0x4d71cc1a9bd91e24ull, /* smul32x32 0xa,* */
    0x8a6111830f6c9aecull, /* udiv32 0xa,* */
    0xc9898664f240f1e4ull, /* umod32 0xa,* */
    0x50ad8f8f69e6af9ull, /* sdiv32 0xa,* */
    0x5570ac96da136548ull, /* smod32 0xa,* */
    0x1b063e67c053010cull, /* umul32x32 0x7fffffff,* */
    0x40d84a385c393db4ull, /* smul32x32 0x7fffffff,* */
    0x1e2070d7717b5bc5ull, /* udiv32 0x7fffffff,* */
    0xa4a8e2898357fa12ull, /* umod32 0x7fffffff,* */
    0xff98d128167a674dull, /* sdiv32 0x7fffffff,* */
    0x4fdfa78b346f8a39ull, /* smod32 0x7fffffff,* */
    0xb133b182b6338018ull, /* umul32x32 0x80000000,* */
    0xa2519ecc49cc7fe8ull, /* smul32x32 0x80000000,* */
    0x3d05d41967f1123eull, /* udiv32 0x80000000,* */
    0x9243333792f93cfull, /* umod32 0x80000000,* */
    0xd4b4a3667211e44cull, /* sdiv32 0x80000000,* */
    0xf358bd9561861581ull, /* smod32 0x80000000,* */
    0x2ec551e0715c505cull, /* umul32x32 0xffffffff,* */
    0x3804bed34a5ad584ull, /* smul32x32 0xffffffff,* */
    0x1601ef84e45d6a66ull, /* udiv32 0xffffffff,* */
    0x1907a81d6648bb9dull, /* umod32 0xffffffff,* */
    0x3cef7333cc3c6a85ull, /* sdiv32 0xffffffff,* */
    0x83ba58a8734fda84ull, /* smod32 0xffffffff,* */
    0xb15a6dc63327bab9ull, /* umul32x32 0xfffffffe,* */
    0x168de8c68a594569ull, /* smul32x32 0xfffffffe,* */
    0xe0048a69ec74dd27ull, /* udiv32 0xfffffffe,* */
    0xa864b4e9450d5e40ull, /* umod32 0xfffffffe,* */
    0xb8e43a1486bcb486ull, /* sdiv32 0xfffffffe,* */
    0xab2f169eb82c77d5ull, /* smod32 0xfffffffe,* */
    0x848c63de76135faeull, /* umul32x32 0x3b9aca07,* */
    0x501a12214b9c1b36ull, /* smul32x32 0x3b9aca07,* */
    0xaabfccc754b05ff3ull, /* udiv32 0x3b9aca07,* */
    0xb6c7beebbe3a2f6dull, /* umod32 0x3b9aca07,* */
    0xc51f6894274b33f2ull, /* sdiv32 0x3b9aca07,* */
    0x2ca0942ff0a59d46ull, /* smod32 0x3b9aca07,* */
    0x6ae59d04084d86b3ull, /* umul32x32 0x12345678,* */
    0x4d9c77ea83f30f3ull, /* smul32x32 0x12345678,* */
    0xa4bf4c8f1db60e0dull, /* udiv32 0x12345678,* */
    0xb169a388b0e4f06bull, /* umod32 0x12345678,* */
    0x65b6fa8b4ac135e5ull, /* sdiv32 0x12345678,* */
    0x48fcd72fbe74948bull, /* smod32 0x12345678,* */
    0xb688cb5d92912cbfull, /* lcg chain */
/* host-expect end */
};
