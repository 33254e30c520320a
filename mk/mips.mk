# MIPS guest programs and their suites:
#   check-guest-mips   the portable C programs of tests/guest/arm/ and the
#                      MIPS programs of tests/guest/mips/, built for mips,
#                      mipsel, mips64el and mips64 and run under both engines
#   check-busybox-mips Debian's static busybox for mipsel and mips64el
# The ARM sources are shared, not copied: only the portable C programs
# (no ARM assembly, no ARM-specific expectations) are listed here.

MIPS_GUEST_ARCHES := mips mipsel mips64el mips64
MIPS_CC_mips      := mips-linux-gnu-gcc
MIPS_CC_mipsel    := mipsel-linux-gnu-gcc
MIPS_CC_mips64el  := mips64el-linux-gnuabi64-gcc
MIPS_CC_mips64    := mips64-linux-gnuabi64-gcc

MIPS_PORTABLE_C := arith64 bitfields crc hash_known funcptr interp qsort \
                   recursion softfloat_double softfloat_float sorting \
                   string_fns struct_copy switch_table printf_fmt \
                   malloc_heavy setjmp bigint primes argv_env exit3 fileio
# Programs whose expectations are not portable to an arch: bitfields and
# struct_copy check little-endian layouts; argv_env walks the auxv as
# Elf32_auxv_t; recursion-O0 needs more than the 8 MiB stack with 64-bit
# frames.
MIPS_SKIP_mips     := bitfields struct_copy
MIPS_SKIP_mipsel   :=
MIPS_SKIP_mips64el := argv_env recursion
MIPS_SKIP_mips64   := argv_env recursion bitfields struct_copy
# MIPS programs built with extra flags (FP register modes exist for o32
# only: n64 is always FR = 1), and those a 64-bit ABI cannot build.
MIPS_XFLAGS_fpregs_fp32 := -mfp32
MIPS_XFLAGS_fpregs_fp64 := -mfp64
MIPS_XFLAGS_fpu_fp64    := -mfp64
MIPS_XFLAGS_ps          := -mfp64
MIPS_O32_ONLY := fpregs_fp32 fpregs_fp64 fpu_fp64 fpmode_switch
MIPS_OWN_SKIP_mips64el := $(MIPS_O32_ONLY)
MIPS_OWN_SKIP_mips64   := $(MIPS_O32_ONLY)
GUEST_MIPS_SRC := tests/guest/mips
GUEST_MIPS_OUT := $(BUILD)/tests/guest
MIPS_OWN_C := $(notdir $(basename $(wildcard $(GUEST_MIPS_SRC)/*.c)))
MIPS_OWN_S := $(notdir $(basename $(wildcard $(GUEST_MIPS_SRC)/*.S)))
GUEST_MIPS_CFLAGS := -static -Wall -fno-strict-aliasing -I$(GUEST_ARM_SRC) \
                     -I$(GUEST_MIPS_SRC)

# The FPU helpers run host arithmetic under the guest's rounding mode.
$(BUILD)/obj/src/target/mips/fpu_helpers.o: CFLAGS += -frounding-math

define mips_guest_rules
$(GUEST_MIPS_OUT)/$(1)/%-O0: $(GUEST_ARM_SRC)/%.c $(GUEST_ARM_SRC)/check.h | $(BUILD)/.deps-test
	@mkdir -p $$(dir $$@)
	$(MIPS_CC_$(1)) $(GUEST_MIPS_CFLAGS) -O0 -o $$@ $$< -lm
$(GUEST_MIPS_OUT)/$(1)/%-O2: $(GUEST_ARM_SRC)/%.c $(GUEST_ARM_SRC)/check.h | $(BUILD)/.deps-test
	@mkdir -p $$(dir $$@)
	$(MIPS_CC_$(1)) $(GUEST_MIPS_CFLAGS) -O2 -o $$@ $$< -lm
$(GUEST_MIPS_OUT)/$(1)/%-mips-O2: $(GUEST_MIPS_SRC)/%.c $(GUEST_ARM_SRC)/check.h | $(BUILD)/.deps-test
	@mkdir -p $$(dir $$@)
	$(MIPS_CC_$(1)) $(GUEST_MIPS_CFLAGS) $$(MIPS_XFLAGS_$$*) -O2 -o $$@ $$< -lm
$(GUEST_MIPS_OUT)/$(1)/%-mips: $(GUEST_MIPS_SRC)/%.S | $(BUILD)/.deps-test
	@mkdir -p $$(dir $$@)
	$(MIPS_CC_$(1)) $(GUEST_MIPS_CFLAGS) -nostdlib -o $$@ $$<
$(GUEST_MIPS_OUT)/$(1)/fpu_fp64-mips-O2: $(GUEST_MIPS_SRC)/fpu.c
$(GUEST_MIPS_OUT)/$(1)/fpregs_fp32-mips-O2 $(GUEST_MIPS_OUT)/$(1)/fpregs_fp64-mips-O2: $(GUEST_MIPS_SRC)/fpregs.c
GUEST_MIPS_BINS_$(1) := \
    $(foreach p,$(filter-out $(MIPS_SKIP_$(1)),$(MIPS_PORTABLE_C)),$(GUEST_MIPS_OUT)/$(1)/$(p)-O0 $(GUEST_MIPS_OUT)/$(1)/$(p)-O2) \
    $(patsubst %,$(GUEST_MIPS_OUT)/$(1)/%-mips-O2,$(filter-out $(MIPS_OWN_SKIP_$(1)),$(MIPS_OWN_C))) \
    $(MIPS_OWN_S:%=$(GUEST_MIPS_OUT)/$(1)/%-mips)
endef
$(foreach a,$(MIPS_GUEST_ARCHES),$(eval $(call mips_guest_rules,$(a))))

.PHONY: guest-mips check-guest-mips check-busybox-mips
guest-mips: $(foreach a,$(MIPS_GUEST_ARCHES),$(GUEST_MIPS_BINS_$(a)))

check-guest-mips: guest-mips $(BUILD)/kemu $(MIPS_GUEST_ARCHES:%=$(BUILD)/kemu-%)
	@mkdir -p $(TEST_RESULTS)
	@rm -f $(TEST_RESULTS)/guest-mips.txt
	@rm -f $(foreach a,$(MIPS_GUEST_ARCHES),$(foreach p,$(MIPS_SKIP_$(a)),$(GUEST_MIPS_OUT)/$(a)/$(p)-O0 $(GUEST_MIPS_OUT)/$(a)/$(p)-O2))
	@status=0; for a in $(MIPS_GUEST_ARCHES); do \
	    tests/guest/mips/run.sh $$a $(GUEST_MIPS_OUT)/$$a $(TEST_RESULTS)/guest-mips.txt || status=1; \
	done; exit $$status

CHECK_TARGETS += check-guest-mips

# MIPS instruction tests (suite check-mips-insn): tests/unit/mips/*.S
# assembled for little-endian MIPS32 and run on the mipsel target through
# the engine API, with both engines; expectations are in harness.c.
MIPS_TEST_DIR := $(BUILD)/tests/mips
MIPS_TEST_HDRS := $(patsubst tests/unit/mips/%.S,$(MIPS_TEST_DIR)/code_%.h,$(wildcard tests/unit/mips/*.S))
MIPS_LIB_OBJS = $(filter-out $(BUILD)/obj/src/main.o,$(OBJS))

$(MIPS_TEST_DIR)/code_%.h: tests/unit/mips/%.S tests/unit/mips/gen-code.sh | $(BUILD)/.deps-test
	@mkdir -p $(dir $@)
	tests/unit/mips/gen-code.sh $< $@ $*

$(MIPS_TEST_DIR)/mips-insn-test: tests/unit/mips/harness.c $(MIPS_TEST_HDRS) $(MIPS_LIB_OBJS)
	$(CC) $(CFLAGS) -I$(MIPS_TEST_DIR) -o $@ tests/unit/mips/harness.c \
	    $(MIPS_LIB_OBJS) $(LDFLAGS) $(LDLIBS)

.PHONY: check-mips-insn
check-mips-insn: $(MIPS_TEST_DIR)/mips-insn-test
	@mkdir -p $(TEST_RESULTS)
	@rm -f $(TEST_RESULTS)/check-mips-insn.txt
	@status=0; \
	$(MIPS_TEST_DIR)/mips-insn-test $(TEST_RESULTS)/check-mips-insn.txt || status=1; \
	KEMU_TEST_ENGINE=codegen $(MIPS_TEST_DIR)/mips-insn-test $(TEST_RESULTS)/check-mips-insn.txt || status=1; \
	exit $$status

CHECK_TARGETS += check-mips-insn
