# x86-64 code generator (src/engine/x86/, docs/codegen.md).
#   check-codegen  the engine unit tests and the ARM instruction tests run
#                  on generated code, and the codegen-vs-interpreter
#                  differential test of random A32 sequences.

# The engine objects need capstone (-d out_asm).
$(BUILD)/tests/unit/engine-tests: LDFLAGS += -lcapstone

ARM_DIFF := $(BUILD)/tests/codegen/arm-diff
ARM_DIFF_COUNT ?= 10000

$(ARM_DIFF): tests/unit/codegen/arm_diff.c $(ARM_LIB_OBJS)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -o $@ $< $(ARM_LIB_OBJS) $(LDFLAGS) $(LDLIBS)

.PHONY: check-codegen
check-codegen: $(BUILD)/tests/unit/engine-tests $(ARM_TEST_DIR)/arm-insn-test $(ARM_DIFF)
	@mkdir -p $(TEST_RESULTS)
	@rm -f $(TEST_RESULTS)/codegen.txt
	@status=0; \
	KEMU_TEST_ENGINE=codegen $(BUILD)/tests/unit/engine-tests $(TEST_RESULTS)/codegen.txt || status=1; \
	KEMU_TEST_ENGINE=codegen $(ARM_TEST_DIR)/arm-insn-test $(TEST_RESULTS)/codegen.txt >/dev/null || status=1; \
	KEMU_TEST_ENGINE=codegen KEMU_TEST_ONE_INSN=1 $(ARM_TEST_DIR)/arm-insn-test $(TEST_RESULTS)/codegen.txt >/dev/null || status=1; \
	$(ARM_DIFF) $(TEST_RESULTS)/codegen.txt $(ARM_DIFF_COUNT) || status=1; \
	exit $$status

CHECK_TARGETS += check-codegen
