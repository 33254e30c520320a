# The gdbstub on MIPS: the gdb test program and a delay-slot program built
# for the four MIPS user targets; tests/gdb/test_mips_*.py run them as
# part of check-gdb (they find them under $(BUILD)/tests/gdb/mips).
MIPS_GDB_DIR := $(BUILD)/tests/gdb/mips
MIPS_GDB_CC_mips := mips-linux-gnu-gcc
MIPS_GDB_CC_mipsel := mipsel-linux-gnu-gcc
MIPS_GDB_CC_mips64 := mips64-linux-gnuabi64-gcc
MIPS_GDB_CC_mips64el := mips64el-linux-gnuabi64-gcc
MIPS_GDB_ARCHES := mips mipsel mips64 mips64el
MIPS_GDB_PROGS := $(foreach a,$(MIPS_GDB_ARCHES),$(MIPS_GDB_DIR)/prog-$(a) $(MIPS_GDB_DIR)/slot-$(a))

$(MIPS_GDB_DIR)/prog-%: tests/gdb/prog.c | $(BUILD)/.deps-test
	@mkdir -p $(dir $@)
	$(MIPS_GDB_CC_$*) -g -O0 -static -o $@ $<

$(MIPS_GDB_DIR)/slot-%: tests/gdb/mips_slot.c | $(BUILD)/.deps-test
	@mkdir -p $(dir $@)
	$(MIPS_GDB_CC_$*) -g -O0 -static -o $@ $<

check-gdb: $(MIPS_GDB_PROGS)
