# Guest programs for the ARM user-mode suites, and the suites themselves:
#   check-guest-arm   self-checking programs in tests/guest/arm/
#   check-busybox-arm Debian's static busybox for armel
#   check-bad-elf     malformed ELF files must be refused cleanly
#   check-cli         kemu-arm's command line
# Every runner takes the emulator from KEMU_ARM (default build/kemu-arm);
# `make check-guest-arm KEMU_ARM=qemu-arm-static` runs the same programs
# under another emulator.  When KEMU_ARM is left alone the guest suite also
# runs every program with the interpreter engine and compares the outputs.

ARM_CC        := arm-linux-gnueabi-gcc
GUEST_ARM_SRC := tests/guest/arm
GUEST_ARM_OUT := $(BUILD)/tests/guest/arm
# ARMv5TE only and soft-float: the v6/v7 and VFP suites come separately.
GUEST_ARM_CFLAGS := -march=armv5te -mfloat-abi=soft -static -Wall \
                    -Wno-deprecated -fno-strict-aliasing -I$(GUEST_ARM_SRC)
GUEST_ARM_LDLIBS := -lm

GUEST_ARM_C := $(notdir $(basename $(wildcard $(GUEST_ARM_SRC)/*.c)))
GUEST_ARM_S := $(notdir $(basename $(wildcard $(GUEST_ARM_SRC)/*.S)))

# Pure C programs (no ARM-state inline assembly) also built as Thumb code.
GUEST_ARM_THUMB := arith64 bitfields crc hash_known funcptr interp qsort \
                   recursion softfloat_double softfloat_float sorting \
                   string_fns struct_copy switch_table printf_fmt malloc_heavy \
                   setjmp bigint primes

GUEST_ARM_BINS := \
    $(foreach p,$(GUEST_ARM_C),$(GUEST_ARM_OUT)/$(p)-O0 $(GUEST_ARM_OUT)/$(p)-O2) \
    $(foreach p,$(GUEST_ARM_THUMB),$(GUEST_ARM_OUT)/$(p)-thumb-O0 $(GUEST_ARM_OUT)/$(p)-thumb-O2) \
    $(GUEST_ARM_S:%=$(GUEST_ARM_OUT)/%)

.PHONY: guest-arm check-guest-arm check-busybox-arm check-bad-elf check-cli
guest-arm: $(GUEST_ARM_BINS)

$(GUEST_ARM_OUT)/%-O0: $(GUEST_ARM_SRC)/%.c $(GUEST_ARM_SRC)/check.h | $(BUILD)/.deps-test
	@mkdir -p $(dir $@)
	$(ARM_CC) $(GUEST_ARM_CFLAGS) -marm -O0 -o $@ $< $(GUEST_ARM_LDLIBS)

$(GUEST_ARM_OUT)/%-O2: $(GUEST_ARM_SRC)/%.c $(GUEST_ARM_SRC)/check.h | $(BUILD)/.deps-test
	@mkdir -p $(dir $@)
	$(ARM_CC) $(GUEST_ARM_CFLAGS) -marm -O2 -o $@ $< $(GUEST_ARM_LDLIBS)

$(GUEST_ARM_OUT)/%-thumb-O0: $(GUEST_ARM_SRC)/%.c $(GUEST_ARM_SRC)/check.h | $(BUILD)/.deps-test
	@mkdir -p $(dir $@)
	$(ARM_CC) $(GUEST_ARM_CFLAGS) -mthumb -O0 -o $@ $< $(GUEST_ARM_LDLIBS)

$(GUEST_ARM_OUT)/%-thumb-O2: $(GUEST_ARM_SRC)/%.c $(GUEST_ARM_SRC)/check.h | $(BUILD)/.deps-test
	@mkdir -p $(dir $@)
	$(ARM_CC) $(GUEST_ARM_CFLAGS) -mthumb -O2 -o $@ $< $(GUEST_ARM_LDLIBS)

# Assembly programs: those defining _start run without libc.
$(GUEST_ARM_OUT)/%: $(GUEST_ARM_SRC)/%.S | $(BUILD)/.deps-test
	@mkdir -p $(dir $@)
	$(ARM_CC) $(GUEST_ARM_CFLAGS) -marm \
	    $(if $(shell grep -l '^_start:' $<),-nostdlib) -o $@ $<

# The suites need kemu itself unless another emulator was named.
GUEST_KEMU_DEP := $(if $(KEMU_ARM),,$(BUILD)/kemu $(BUILD)/kemu-arm)

check-guest-arm: guest-arm $(GUEST_KEMU_DEP)
	@mkdir -p $(TEST_RESULTS)
	KEMU_ARM="$(KEMU_ARM)" tests/guest/run.sh $(GUEST_ARM_OUT) $(TEST_RESULTS)/guest-arm.txt

CHECK_TARGETS += check-guest-arm

check-busybox-arm: $(GUEST_KEMU_DEP) | $(BUILD)/.deps-test
	@mkdir -p $(TEST_RESULTS)
	KEMU_ARM="$(KEMU_ARM)" tests/user/busybox-arm.sh $(TEST_RESULTS)/busybox-arm.txt

CHECK_TARGETS += check-busybox-arm

# Programs the user-mode suites run.
USER_TEST_OUT := $(BUILD)/tests/user
CLI_PROGS := $(USER_TEST_OUT)/cli/tiny $(USER_TEST_OUT)/cli/env \
             $(USER_TEST_OUT)/cli/illegal $(USER_TEST_OUT)/cli/wild \
             $(USER_TEST_OUT)/cli/fds

$(USER_TEST_OUT)/cli/%: tests/user/cli-progs/%.S | $(BUILD)/.deps-test
	@mkdir -p $(dir $@)
	$(ARM_CC) -march=armv5te -static -nostdlib -o $@ $<

$(USER_TEST_OUT)/cli/%: tests/user/cli-progs/%.c | $(BUILD)/.deps-test
	@mkdir -p $(dir $@)
	$(ARM_CC) -march=armv5te -static -O2 -o $@ $<

$(USER_TEST_OUT)/bad-elf-base: tests/user/bad-elf-base.c | $(BUILD)/.deps-test
	@mkdir -p $(dir $@)
	$(ARM_CC) -march=armv5te -static -O2 -o $@ $<

check-bad-elf: $(USER_TEST_OUT)/bad-elf-base $(GUEST_KEMU_DEP)
	@mkdir -p $(TEST_RESULTS)
	KEMU_ARM="$(KEMU_ARM)" /usr/bin/python3 tests/user/bad-elf.py $< $(TEST_RESULTS)/bad-elf.txt

check-cli: $(CLI_PROGS) $(GUEST_KEMU_DEP)
	@mkdir -p $(TEST_RESULTS)
	KEMU_ARM="$(KEMU_ARM)" tests/user/cli.sh $(USER_TEST_OUT)/cli $(TEST_RESULTS)/cli.txt

CHECK_TARGETS += check-bad-elf check-cli
