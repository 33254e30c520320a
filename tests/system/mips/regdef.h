/* o32 register names for the assembly files. */
#define zero $0
#define v0 $2
#define v1 $3
#define a0 $4
#define a1 $5
#define a2 $6
#define a3 $7
#define t0 $8
#define t1 $9
#define t2 $10
#define t3 $11
#define t9 $25
#define k0 $26
#define k1 $27
#define sp $29
#define ra $31
