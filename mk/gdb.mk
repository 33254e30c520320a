# The gdbstub with a real CPU: gdb-multiarch scripted against kemu-arm -g,
# and raw remote-protocol checks (tests/gdb).
GDB_TEST_DIR  := $(BUILD)/tests/gdb
GDB_TEST_PROG := $(GDB_TEST_DIR)/prog
GDB_TEST_THUMB := $(GDB_TEST_DIR)/prog-thumb

CHECK_TARGETS += check-gdb

$(GDB_TEST_PROG): tests/gdb/prog.c | $(BUILD)/.deps-test
	@mkdir -p $(dir $@)
	arm-linux-gnueabi-gcc -g -O0 -static -o $@ $<

$(GDB_TEST_THUMB): tests/gdb/prog.c | $(BUILD)/.deps-test
	@mkdir -p $(dir $@)
	arm-linux-gnueabi-gcc -g -O0 -static -mthumb -o $@ $<

.PHONY: check-gdb
check-gdb: all $(GDB_TEST_PROG) $(GDB_TEST_THUMB) | $(BUILD)/.deps-test
	@mkdir -p $(TEST_RESULTS)
	@rm -f $(TEST_RESULTS)/check-gdb.txt
	KEMU_BUILD=$(abspath $(BUILD)) KEMU_RESULTS=$(abspath $(TEST_RESULTS))/check-gdb.txt \
	KEMU_GDB_PROG=$(abspath $(GDB_TEST_PROG)) KEMU_GDB_THUMB=$(abspath $(GDB_TEST_THUMB)) \
	    $(PYTEST) -q -p no:cacheprovider tests/gdb
