# Delay-slot faults for the MIPS instruction tests (little-endian MIPS32).
# $4 holds the address to load from; every path ends in a BREAK whose
# code tells where it stopped.
	.set noreorder
	.set noat
	.text

	.globl lw_taken_branch, lw_taken_slot
lw_taken_branch:
	beq $0, $0, 1f
lw_taken_slot:
	lw $2, 0($4)
	break 1
1:	break 2

	.globl lw_untaken_branch
lw_untaken_branch:
	bne $0, $0, 1f
	lw $2, 4($4)
	break 3
1:	break 4

	.globl lw_jr_load, lw_jr_branch
lw_jr_load:
	lui $25, %hi(lw_jr_target)
	addiu $25, $25, %lo(lw_jr_target)
lw_jr_branch:
	jr $25
	lw $3, 8($4)
	break 5
	.globl lw_jr_target
lw_jr_target:
	break 6

	.globl bal_branch, bal_ret
bal_branch:
	bal 1f
	lw $2, 0($4)
bal_ret:
	break 7
1:	break 8

	.globl likely_untaken
likely_untaken:
	bnel $0, $0, 1f
	lw $2, 0($4)
	break 9
1:	break 10

	.globl ovf_branch
ovf_branch:
	lui $8, 0x7fff
	ori $8, $8, 0xffff
	.globl ovf_b
ovf_b:
	beq $0, $0, 1f
	add $9, $8, $8
	break 11
1:	break 12

	.globl trap_branch, trap_b
trap_branch:
	li $8, 3
trap_b:
	bgez $8, 1f
	teqi $8, 3
	break 13
1:	break 14

	.globl plain_load
plain_load:
	addiu $5, $0, 1
	.globl plain_lw
plain_lw:
	lw $2, 0($4)
	break 15
