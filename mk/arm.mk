# ARM instruction tests: hand-checked expectations for machine code
# assembled from tests/unit/arm/*.S, run through the engine API.

ARM_TEST_DIR := $(BUILD)/tests/arm
ARM_TEST_SRCS := $(wildcard tests/unit/arm/*.S)
ARM_TEST_HDRS := $(ARM_TEST_SRCS:tests/unit/arm/%.S=$(ARM_TEST_DIR)/code_%.h)
ARM_TEST_C := $(wildcard tests/unit/arm/*.c)
ARM_LIB_OBJS := $(filter-out $(BUILD)/obj/src/main.o,$(OBJS))

$(ARM_TEST_DIR)/code_%.h: tests/unit/arm/%.S tests/unit/arm/gen-code.sh | $(BUILD)/.deps-test
	@mkdir -p $(dir $@)
	tests/unit/arm/gen-code.sh $< $@ $*

$(ARM_TEST_DIR)/arm-insn-test: $(ARM_TEST_C) tests/unit/arm/harness.h $(ARM_TEST_HDRS) $(ARM_LIB_OBJS)
	$(CC) $(CFLAGS) -I$(ARM_TEST_DIR) -Itests/unit/arm -o $@ $(ARM_TEST_C) \
	    $(ARM_LIB_OBJS) $(LDFLAGS) $(LDLIBS)

.PHONY: check-arm-insn
check-arm-insn: $(ARM_TEST_DIR)/arm-insn-test
	@mkdir -p $(TEST_RESULTS)
	$(ARM_TEST_DIR)/arm-insn-test $(TEST_RESULTS)/check-arm-insn.txt

CHECK_TARGETS += check-arm-insn

# The VFP arithmetic switches the host rounding mode and reads the host
# exception flags: the compiler must not fold or move FP operations.
$(BUILD)/obj/src/target/arm/vfp_helpers.o: CFLAGS += -frounding-math -fsignaling-nans
