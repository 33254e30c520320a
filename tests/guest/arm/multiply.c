/*
 * MUL, MLA, UMULL, SMULL, UMLAL, SMLAL over boundary operands, and the
 * flags of the S forms (N and Z set from the result, C and V untouched on
 * ARMv5).  Expected values computed on the host.
 */
#include "check.h"

static const uint32_t vals[] = {0x0, 0x1, 0x2, 0xffffffff, 0x7fffffff, 0x80000000, 0x10000, 0xffff, 0x8000, 0x12345678, 0xfedcba98, 0x7fff8000};
#define NV 12
/* mul, mla (+0x89abcdef) */
static const uint64_t e_mul[12][12] = {
  {0x0ull, 0x0ull, 0x0ull, 0x0ull, 0x0ull, 0x0ull, 0x0ull, 0x0ull, 0x0ull, 0x0ull, 0x0ull, 0x0ull},
  {0x0ull, 0x1ull, 0x2ull, 0xffffffffull, 0x7fffffffull, 0x80000000ull, 0x10000ull, 0xffffull, 0x8000ull, 0x12345678ull, 0xfedcba98ull, 0x7fff8000ull},
  {0x0ull, 0x2ull, 0x4ull, 0xfffffffeull, 0xfffffffeull, 0x0ull, 0x20000ull, 0x1fffeull, 0x10000ull, 0x2468acf0ull, 0xfdb97530ull, 0xffff0000ull},
  {0x0ull, 0xffffffffull, 0xfffffffeull, 0x1ull, 0x80000001ull, 0x80000000ull, 0xffff0000ull, 0xffff0001ull, 0xffff8000ull, 0xedcba988ull, 0x1234568ull, 0x80008000ull},
  {0x0ull, 0x7fffffffull, 0xfffffffeull, 0x80000001ull, 0x1ull, 0x80000000ull, 0xffff0000ull, 0x7fff0001ull, 0xffff8000ull, 0xedcba988ull, 0x1234568ull, 0x80008000ull},
  {0x0ull, 0x80000000ull, 0x0ull, 0x80000000ull, 0x80000000ull, 0x0ull, 0x0ull, 0x80000000ull, 0x0ull, 0x0ull, 0x0ull, 0x0ull},
  {0x0ull, 0x10000ull, 0x20000ull, 0xffff0000ull, 0xffff0000ull, 0x0ull, 0x0ull, 0xffff0000ull, 0x80000000ull, 0x56780000ull, 0xba980000ull, 0x80000000ull},
  {0x0ull, 0xffffull, 0x1fffeull, 0xffff0001ull, 0x7fff0001ull, 0x80000000ull, 0xffff0000ull, 0xfffe0001ull, 0x7fff8000ull, 0x4443a988ull, 0xbbbb4568ull, 0x8000ull},
  {0x0ull, 0x8000ull, 0x10000ull, 0xffff8000ull, 0xffff8000ull, 0x0ull, 0x80000000ull, 0x7fff8000ull, 0x40000000ull, 0x2b3c0000ull, 0x5d4c0000ull, 0xc0000000ull},
  {0x0ull, 0x12345678ull, 0x2468acf0ull, 0xedcba988ull, 0xedcba988ull, 0x0ull, 0x56780000ull, 0x4443a988ull, 0x2b3c0000ull, 0x1df4d840ull, 0x35068740ull, 0xd4c40000ull},
  {0x0ull, 0xfedcba98ull, 0xfdb97530ull, 0x1234568ull, 0x1234568ull, 0x0ull, 0xba980000ull, 0xbbbb4568ull, 0x5d4c0000ull, 0x35068740ull, 0xdd413a40ull, 0xa2b40000ull},
  {0x0ull, 0x7fff8000ull, 0xffff0000ull, 0x80008000ull, 0x80008000ull, 0x0ull, 0x80000000ull, 0x8000ull, 0xc0000000ull, 0xd4c40000ull, 0xa2b40000ull, 0x40000000ull},
};
static const uint64_t e_mla[12][12] = {
  {0x89abcdefull, 0x89abcdefull, 0x89abcdefull, 0x89abcdefull, 0x89abcdefull, 0x89abcdefull, 0x89abcdefull, 0x89abcdefull, 0x89abcdefull, 0x89abcdefull, 0x89abcdefull, 0x89abcdefull},
  {0x89abcdefull, 0x89abcdf0ull, 0x89abcdf1ull, 0x89abcdeeull, 0x9abcdeeull, 0x9abcdefull, 0x89accdefull, 0x89accdeeull, 0x89ac4defull, 0x9be02467ull, 0x88888887ull, 0x9ab4defull},
  {0x89abcdefull, 0x89abcdf1ull, 0x89abcdf3ull, 0x89abcdedull, 0x89abcdedull, 0x89abcdefull, 0x89adcdefull, 0x89adcdedull, 0x89accdefull, 0xae147adfull, 0x8765431full, 0x89aacdefull},
  {0x89abcdefull, 0x89abcdeeull, 0x89abcdedull, 0x89abcdf0ull, 0x9abcdf0ull, 0x9abcdefull, 0x89aacdefull, 0x89aacdf0ull, 0x89ab4defull, 0x77777777ull, 0x8acf1357ull, 0x9ac4defull},
  {0x89abcdefull, 0x9abcdeeull, 0x89abcdedull, 0x9abcdf0ull, 0x89abcdf0ull, 0x9abcdefull, 0x89aacdefull, 0x9aacdf0ull, 0x89ab4defull, 0x77777777ull, 0x8acf1357ull, 0x9ac4defull},
  {0x89abcdefull, 0x9abcdefull, 0x89abcdefull, 0x9abcdefull, 0x9abcdefull, 0x89abcdefull, 0x89abcdefull, 0x9abcdefull, 0x89abcdefull, 0x89abcdefull, 0x89abcdefull, 0x89abcdefull},
  {0x89abcdefull, 0x89accdefull, 0x89adcdefull, 0x89aacdefull, 0x89aacdefull, 0x89abcdefull, 0x89abcdefull, 0x89aacdefull, 0x9abcdefull, 0xe023cdefull, 0x4443cdefull, 0x9abcdefull},
  {0x89abcdefull, 0x89accdeeull, 0x89adcdedull, 0x89aacdf0ull, 0x9aacdf0ull, 0x9abcdefull, 0x89aacdefull, 0x89a9cdf0ull, 0x9ab4defull, 0xcdef7777ull, 0x45671357ull, 0x89ac4defull},
  {0x89abcdefull, 0x89ac4defull, 0x89accdefull, 0x89ab4defull, 0x89ab4defull, 0x89abcdefull, 0x9abcdefull, 0x9ab4defull, 0xc9abcdefull, 0xb4e7cdefull, 0xe6f7cdefull, 0x49abcdefull},
  {0x89abcdefull, 0x9be02467ull, 0xae147adfull, 0x77777777ull, 0x77777777ull, 0x89abcdefull, 0xe023cdefull, 0xcdef7777ull, 0xb4e7cdefull, 0xa7a0a62full, 0xbeb2552full, 0x5e6fcdefull},
  {0x89abcdefull, 0x88888887ull, 0x8765431full, 0x8acf1357ull, 0x8acf1357ull, 0x89abcdefull, 0x4443cdefull, 0x45671357ull, 0xe6f7cdefull, 0xbeb2552full, 0x66ed082full, 0x2c5fcdefull},
  {0x89abcdefull, 0x9ab4defull, 0x89aacdefull, 0x9ac4defull, 0x9ac4defull, 0x89abcdefull, 0x9abcdefull, 0x89ac4defull, 0x49abcdefull, 0x5e6fcdefull, 0x2c5fcdefull, 0xc9abcdefull},
};
static const uint64_t e_umull[12][12] = {
  {0x0ull, 0x0ull, 0x0ull, 0x0ull, 0x0ull, 0x0ull, 0x0ull, 0x0ull, 0x0ull, 0x0ull, 0x0ull, 0x0ull},
  {0x0ull, 0x1ull, 0x2ull, 0xffffffffull, 0x7fffffffull, 0x80000000ull, 0x10000ull, 0xffffull, 0x8000ull, 0x12345678ull, 0xfedcba98ull, 0x7fff8000ull},
  {0x0ull, 0x2ull, 0x4ull, 0x1fffffffeull, 0xfffffffeull, 0x100000000ull, 0x20000ull, 0x1fffeull, 0x10000ull, 0x2468acf0ull, 0x1fdb97530ull, 0xffff0000ull},
  {0x0ull, 0xffffffffull, 0x1fffffffeull, 0xfffffffe00000001ull, 0x7ffffffe80000001ull, 0x7fffffff80000000ull, 0xffffffff0000ull, 0xfffeffff0001ull, 0x7fffffff8000ull, 0x12345677edcba988ull, 0xfedcba9701234568ull, 0x7fff7fff80008000ull},
  {0x0ull, 0x7fffffffull, 0xfffffffeull, 0x7ffffffe80000001ull, 0x3fffffff00000001ull, 0x3fffffff80000000ull, 0x7fffffff0000ull, 0x7fff7fff0001ull, 0x3fffffff8000ull, 0x91a2b3bedcba988ull, 0x7f6e5d4b01234568ull, 0x3fffbfff80008000ull},
  {0x0ull, 0x80000000ull, 0x100000000ull, 0x7fffffff80000000ull, 0x3fffffff80000000ull, 0x4000000000000000ull, 0x800000000000ull, 0x7fff80000000ull, 0x400000000000ull, 0x91a2b3c00000000ull, 0x7f6e5d4c00000000ull, 0x3fffc00000000000ull},
  {0x0ull, 0x10000ull, 0x20000ull, 0xffffffff0000ull, 0x7fffffff0000ull, 0x800000000000ull, 0x100000000ull, 0xffff0000ull, 0x80000000ull, 0x123456780000ull, 0xfedcba980000ull, 0x7fff80000000ull},
  {0x0ull, 0xffffull, 0x1fffeull, 0xfffeffff0001ull, 0x7fff7fff0001ull, 0x7fff80000000ull, 0xffff0000ull, 0xfffe0001ull, 0x7fff8000ull, 0x12344443a988ull, 0xfedbbbbb4568ull, 0x7fff00008000ull},
  {0x0ull, 0x8000ull, 0x10000ull, 0x7fffffff8000ull, 0x3fffffff8000ull, 0x400000000000ull, 0x80000000ull, 0x7fff8000ull, 0x40000000ull, 0x91a2b3c0000ull, 0x7f6e5d4c0000ull, 0x3fffc0000000ull},
  {0x0ull, 0x12345678ull, 0x2468acf0ull, 0x12345677edcba988ull, 0x91a2b3bedcba988ull, 0x91a2b3c00000000ull, 0x123456780000ull, 0x12344443a988ull, 0x91a2b3c0000ull, 0x14b66dc1df4d840ull, 0x121fa00a35068740ull, 0x91a2221d4c40000ull},
  {0x0ull, 0xfedcba98ull, 0x1fdb97530ull, 0xfedcba9701234568ull, 0x7f6e5d4b01234568ull, 0x7f6e5d4c00000000ull, 0xfedcba980000ull, 0xfedbbbbb4568ull, 0x7f6e5d4c0000ull, 0x121fa00a35068740ull, 0xfdbac096dd413a40ull, 0x7f6ddddda2b40000ull},
  {0x0ull, 0x7fff8000ull, 0xffff0000ull, 0x7fff7fff80008000ull, 0x3fffbfff80008000ull, 0x3fffc00000000000ull, 0x7fff80000000ull, 0x7fff00008000ull, 0x3fffc0000000ull, 0x91a2221d4c40000ull, 0x7f6ddddda2b40000ull, 0x3fff800040000000ull},
};
static const uint64_t e_smull[12][12] = {
  {0x0ull, 0x0ull, 0x0ull, 0x0ull, 0x0ull, 0x0ull, 0x0ull, 0x0ull, 0x0ull, 0x0ull, 0x0ull, 0x0ull},
  {0x0ull, 0x1ull, 0x2ull, 0xffffffffffffffffull, 0x7fffffffull, 0xffffffff80000000ull, 0x10000ull, 0xffffull, 0x8000ull, 0x12345678ull, 0xfffffffffedcba98ull, 0x7fff8000ull},
  {0x0ull, 0x2ull, 0x4ull, 0xfffffffffffffffeull, 0xfffffffeull, 0xffffffff00000000ull, 0x20000ull, 0x1fffeull, 0x10000ull, 0x2468acf0ull, 0xfffffffffdb97530ull, 0xffff0000ull},
  {0x0ull, 0xffffffffffffffffull, 0xfffffffffffffffeull, 0x1ull, 0xffffffff80000001ull, 0x80000000ull, 0xffffffffffff0000ull, 0xffffffffffff0001ull, 0xffffffffffff8000ull, 0xffffffffedcba988ull, 0x1234568ull, 0xffffffff80008000ull},
  {0x0ull, 0x7fffffffull, 0xfffffffeull, 0xffffffff80000001ull, 0x3fffffff00000001ull, 0xc000000080000000ull, 0x7fffffff0000ull, 0x7fff7fff0001ull, 0x3fffffff8000ull, 0x91a2b3bedcba988ull, 0xff6e5d4c01234568ull, 0x3fffbfff80008000ull},
  {0x0ull, 0xffffffff80000000ull, 0xffffffff00000000ull, 0x80000000ull, 0xc000000080000000ull, 0x4000000000000000ull, 0xffff800000000000ull, 0xffff800080000000ull, 0xffffc00000000000ull, 0xf6e5d4c400000000ull, 0x91a2b400000000ull, 0xc000400000000000ull},
  {0x0ull, 0x10000ull, 0x20000ull, 0xffffffffffff0000ull, 0x7fffffff0000ull, 0xffff800000000000ull, 0x100000000ull, 0xffff0000ull, 0x80000000ull, 0x123456780000ull, 0xfffffedcba980000ull, 0x7fff80000000ull},
  {0x0ull, 0xffffull, 0x1fffeull, 0xffffffffffff0001ull, 0x7fff7fff0001ull, 0xffff800080000000ull, 0xffff0000ull, 0xfffe0001ull, 0x7fff8000ull, 0x12344443a988ull, 0xfffffedcbbbb4568ull, 0x7fff00008000ull},
  {0x0ull, 0x8000ull, 0x10000ull, 0xffffffffffff8000ull, 0x3fffffff8000ull, 0xffffc00000000000ull, 0x80000000ull, 0x7fff8000ull, 0x40000000ull, 0x91a2b3c0000ull, 0xffffff6e5d4c0000ull, 0x3fffc0000000ull},
  {0x0ull, 0x12345678ull, 0x2468acf0ull, 0xffffffffedcba988ull, 0x91a2b3bedcba988ull, 0xf6e5d4c400000000ull, 0x123456780000ull, 0x12344443a988ull, 0x91a2b3c0000ull, 0x14b66dc1df4d840ull, 0xffeb499235068740ull, 0x91a2221d4c40000ull},
  {0x0ull, 0xfffffffffedcba98ull, 0xfffffffffdb97530ull, 0x1234568ull, 0xff6e5d4c01234568ull, 0x91a2b400000000ull, 0xfffffedcba980000ull, 0xfffffedcbbbb4568ull, 0xffffff6e5d4c0000ull, 0xffeb499235068740ull, 0x14b66dd413a40ull, 0xff6e5ddda2b40000ull},
  {0x0ull, 0x7fff8000ull, 0xffff0000ull, 0xffffffff80008000ull, 0x3fffbfff80008000ull, 0xc000400000000000ull, 0x7fff80000000ull, 0x7fff00008000ull, 0x3fffc0000000ull, 0x91a2221d4c40000ull, 0xff6e5ddda2b40000ull, 0x3fff800040000000ull},
};
static const uint64_t e_umlal[12][12] = {
  {0x123456789abcdefull, 0x123456789abcdefull, 0x123456789abcdefull, 0x123456789abcdefull, 0x123456789abcdefull, 0x123456789abcdefull, 0x123456789abcdefull, 0x123456789abcdefull, 0x123456789abcdefull, 0x123456789abcdefull, 0x123456789abcdefull, 0x123456789abcdefull},
  {0x123456789abcdefull, 0x123456789abcdf0ull, 0x123456789abcdf1ull, 0x123456889abcdeeull, 0x123456809abcdeeull, 0x123456809abcdefull, 0x123456789accdefull, 0x123456789accdeeull, 0x123456789ac4defull, 0x12345679be02467ull, 0x123456888888887ull, 0x123456809ab4defull},
  {0x123456789abcdefull, 0x123456789abcdf1ull, 0x123456789abcdf3ull, 0x123456989abcdedull, 0x123456889abcdedull, 0x123456889abcdefull, 0x123456789adcdefull, 0x123456789adcdedull, 0x123456789accdefull, 0x1234567ae147adfull, 0x12345698765431full, 0x123456889aacdefull},
  {0x123456789abcdefull, 0x123456889abcdeeull, 0x123456989abcdedull, 0x123456589abcdf0ull, 0x8123456609abcdf0ull, 0x8123456709abcdefull, 0x124456789aacdefull, 0x124456689aacdf0ull, 0x123c56789ab4defull, 0x13579bdf77777777ull, 0xfffffffe8acf1357ull, 0x8122c56709ac4defull},
  {0x123456789abcdefull, 0x123456809abcdeeull, 0x123456889abcdedull, 0x8123456609abcdf0ull, 0x4123456689abcdf0ull, 0x4123456709abcdefull, 0x123c56789aacdefull, 0x123c56709aacdf0ull, 0x123856789ab4defull, 0xa3d70a377777777ull, 0x8091a2b28acf1357ull, 0x4123056709ac4defull},
  {0x123456789abcdefull, 0x123456809abcdefull, 0x123456889abcdefull, 0x8123456709abcdefull, 0x4123456709abcdefull, 0x4123456789abcdefull, 0x123c56789abcdefull, 0x123c56709abcdefull, 0x123856789abcdefull, 0xa3d70a389abcdefull, 0x8091a2b389abcdefull, 0x4123056789abcdefull},
  {0x123456789abcdefull, 0x123456789accdefull, 0x123456789adcdefull, 0x124456789aacdefull, 0x123c56789aacdefull, 0x123c56789abcdefull, 0x123456889abcdefull, 0x123456889aacdefull, 0x123456809abcdefull, 0x123579be023cdefull, 0x12444444443cdefull, 0x123c56709abcdefull},
  {0x123456789abcdefull, 0x123456789accdeeull, 0x123456789adcdedull, 0x124456689aacdf0ull, 0x123c56709aacdf0ull, 0x123c56709abcdefull, 0x123456889aacdefull, 0x123456889a9cdf0ull, 0x123456809ab4defull, 0x123579bcdef7777ull, 0x124444345671357ull, 0x123c56689ac4defull},
  {0x123456789abcdefull, 0x123456789ac4defull, 0x123456789accdefull, 0x123c56789ab4defull, 0x123856789ab4defull, 0x123856789abcdefull, 0x123456809abcdefull, 0x123456809ab4defull, 0x1234567c9abcdefull, 0x1234e81b4e7cdefull, 0x123c4d5e6f7cdefull, 0x123856749abcdefull},
  {0x123456789abcdefull, 0x12345679be02467ull, 0x1234567ae147adfull, 0x13579bdf77777777ull, 0xa3d70a377777777ull, 0xa3d70a389abcdefull, 0x123579be023cdefull, 0x123579bcdef7777ull, 0x1234e81b4e7cdefull, 0x26eac43a7a0a62full, 0x1342e571beb2552full, 0xa3d67895e6fcdefull},
  {0x123456789abcdefull, 0x123456888888887ull, 0x12345698765431full, 0xfffffffe8acf1357ull, 0x8091a2b28acf1357ull, 0x8091a2b389abcdefull, 0x12444444443cdefull, 0x124444345671357ull, 0x123c4d5e6f7cdefull, 0x1342e571beb2552full, 0xfede05fe66ed082full, 0x809123452c5fcdefull},
  {0x123456789abcdefull, 0x123456809ab4defull, 0x123456889aacdefull, 0x8122c56709ac4defull, 0x4123056709ac4defull, 0x4123056789abcdefull, 0x123c56709abcdefull, 0x123c56689ac4defull, 0x123856749abcdefull, 0xa3d67895e6fcdefull, 0x809123452c5fcdefull, 0x4122c567c9abcdefull},
};
static const uint64_t e_smlal[12][12] = {
  {0x123456789abcdefull, 0x123456789abcdefull, 0x123456789abcdefull, 0x123456789abcdefull, 0x123456789abcdefull, 0x123456789abcdefull, 0x123456789abcdefull, 0x123456789abcdefull, 0x123456789abcdefull, 0x123456789abcdefull, 0x123456789abcdefull, 0x123456789abcdefull},
  {0x123456789abcdefull, 0x123456789abcdf0ull, 0x123456789abcdf1ull, 0x123456789abcdeeull, 0x123456809abcdeeull, 0x123456709abcdefull, 0x123456789accdefull, 0x123456789accdeeull, 0x123456789ac4defull, 0x12345679be02467ull, 0x123456788888887ull, 0x123456809ab4defull},
  {0x123456789abcdefull, 0x123456789abcdf1ull, 0x123456789abcdf3ull, 0x123456789abcdedull, 0x123456889abcdedull, 0x123456689abcdefull, 0x123456789adcdefull, 0x123456789adcdedull, 0x123456789accdefull, 0x1234567ae147adfull, 0x12345678765431full, 0x123456889aacdefull},
  {0x123456789abcdefull, 0x123456789abcdeeull, 0x123456789abcdedull, 0x123456789abcdf0ull, 0x123456709abcdf0ull, 0x123456809abcdefull, 0x123456789aacdefull, 0x123456789aacdf0ull, 0x123456789ab4defull, 0x123456777777777ull, 0x12345678acf1357ull, 0x123456709ac4defull},
  {0x123456789abcdefull, 0x123456809abcdeeull, 0x123456889abcdedull, 0x123456709abcdf0ull, 0x4123456689abcdf0ull, 0xc123456809abcdefull, 0x123c56789aacdefull, 0x123c56709aacdf0ull, 0x123856789ab4defull, 0xa3d70a377777777ull, 0x91a2b38acf1357ull, 0x4123056709ac4defull},
  {0x123456789abcdefull, 0x123456709abcdefull, 0x123456689abcdefull, 0x123456809abcdefull, 0xc123456809abcdefull, 0x4123456789abcdefull, 0x122c56789abcdefull, 0x122c56809abcdefull, 0x123056789abcdefull, 0xf8091a2b89abcdefull, 0x1b4e81b89abcdefull, 0xc123856789abcdefull},
  {0x123456789abcdefull, 0x123456789accdefull, 0x123456789adcdefull, 0x123456789aacdefull, 0x123c56789aacdefull, 0x122c56789abcdefull, 0x123456889abcdefull, 0x123456889aacdefull, 0x123456809abcdefull, 0x123579be023cdefull, 0x12344444443cdefull, 0x123c56709abcdefull},
  {0x123456789abcdefull, 0x123456789accdeeull, 0x123456789adcdedull, 0x123456789aacdf0ull, 0x123c56709aacdf0ull, 0x122c56809abcdefull, 0x123456889aacdefull, 0x123456889a9cdf0ull, 0x123456809ab4defull, 0x123579bcdef7777ull, 0x123444445671357ull, 0x123c56689ac4defull},
  {0x123456789abcdefull, 0x123456789ac4defull, 0x123456789accdefull, 0x123456789ab4defull, 0x123856789ab4defull, 0x123056789abcdefull, 0x123456809abcdefull, 0x123456809ab4defull, 0x1234567c9abcdefull, 0x1234e81b4e7cdefull, 0x12344d5e6f7cdefull, 0x123856749abcdefull},
  {0x123456789abcdefull, 0x12345679be02467ull, 0x1234567ae147adfull, 0x123456777777777ull, 0xa3d70a377777777ull, 0xf8091a2b89abcdefull, 0x123579be023cdefull, 0x123579bcdef7777ull, 0x1234e81b4e7cdefull, 0x26eac43a7a0a62full, 0x10e8ef9beb2552full, 0xa3d67895e6fcdefull},
  {0x123456789abcdefull, 0x123456788888887ull, 0x12345678765431full, 0x12345678acf1357ull, 0x91a2b38acf1357ull, 0x1b4e81b89abcdefull, 0x12344444443cdefull, 0x123444445671357ull, 0x12344d5e6f7cdefull, 0x10e8ef9beb2552full, 0x12490ce66ed082full, 0x91a3452c5fcdefull},
  {0x123456789abcdefull, 0x123456809ab4defull, 0x123456889aacdefull, 0x123456709ac4defull, 0x4123056709ac4defull, 0xc123856789abcdefull, 0x123c56709abcdefull, 0x123c56689ac4defull, 0x123856749abcdefull, 0xa3d67895e6fcdefull, 0x91a3452c5fcdefull, 0x4122c567c9abcdefull},
};

#define ACC64 0x0123456789abcdefull
#define ACC32 0x89abcdefu

static uint32_t mul(uint32_t a, uint32_t b)
{
    uint32_t r;
    asm("mul %0, %1, %2" : "=&r"(r) : "r"(a), "r"(b));
    return r;
}

static uint32_t mla(uint32_t a, uint32_t b, uint32_t c)
{
    uint32_t r;
    asm("mla %0, %1, %2, %3" : "=&r"(r) : "r"(a), "r"(b), "r"(c));
    return r;
}

#define LONG_MUL(NAME, ACCUM)                                            \
    static uint64_t NAME(uint32_t a, uint32_t b)                         \
    {                                                                    \
        uint32_t lo = ACCUM ? (uint32_t)ACC64 : 0;                       \
        uint32_t hi = ACCUM ? (uint32_t)(ACC64 >> 32) : 0;               \
        asm(#NAME " %0, %1, %2, %3" : "+&r"(lo), "+&r"(hi)               \
            : "r"(a), "r"(b));                                           \
        return (uint64_t)hi << 32 | lo;                                  \
    }
LONG_MUL(umull, 0)
LONG_MUL(smull, 0)
LONG_MUL(umlal, 1)
LONG_MUL(smlal, 1)

/* Runs a flag-setting multiply with C and V preset; returns NZCV. */
#define FLAGS_OF(INSN, A_, B_) ({                                          \
        uint32_t r_, h_ = 0, f_;                                         \
        asm volatile("msr cpsr_f, #0x30000000\n\t" INSN "\n\tmrs %[f], cpsr" \
                     : [r] "=&r"(r_), [h] "+&r"(h_), [f] "=&r"(f_)       \
                     : [a] "r"(A_), [b] "r"(B_) : "cc");                 \
        (void)r_; f_ >> 28; })

int main(void)
{
    for (int i = 0; i < NV; i++)
        for (int j = 0; j < NV; j++) {
            uint32_t a = vals[i], b = vals[j];
            CHECKF(mul(a, b), e_mul[i][j], "mul 0x%x,0x%x", a, b);
            CHECKF(mla(a, b, ACC32), e_mla[i][j], "mla 0x%x,0x%x", a, b);
            CHECKF(umull(a, b), e_umull[i][j], "umull 0x%x,0x%x", a, b);
            CHECKF(smull(a, b), e_smull[i][j], "smull 0x%x,0x%x", a, b);
            CHECKF(umlal(a, b), e_umlal[i][j], "umlal 0x%x,0x%x", a, b);
            CHECKF(smlal(a, b), e_smlal[i][j], "smlal 0x%x,0x%x", a, b);
        }

    CHECK("muls zero", FLAGS_OF("muls %[r], %[a], %[b]", 0x10000u, 0x10000u), 0x7);
    CHECK("muls negative", FLAGS_OF("muls %[r], %[a], %[b]", 0xffffffffu, 5u), 0xb);
    CHECK("muls positive", FLAGS_OF("muls %[r], %[a], %[b]", 3u, 5u), 0x3);
    CHECK("umulls zero", FLAGS_OF("umulls %[r], %[h], %[a], %[b]", 0u, 5u), 0x7);
    CHECK("umulls high bit 63", FLAGS_OF("umulls %[r], %[h], %[a], %[b]", 0xffffffffu, 0xffffffffu), 0xb);
    CHECK("umulls low zero, high nonzero", FLAGS_OF("umulls %[r], %[h], %[a], %[b]", 0x10000u, 0x10000u), 0x3);
    CHECK("smulls negative", FLAGS_OF("smulls %[r], %[h], %[a], %[b]", 0xffffffffu, 1u), 0xb);
    return check_done("multiply");
}
