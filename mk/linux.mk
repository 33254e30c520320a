# Linux user mode for real programs: signals, threads, processes.
#   check-linux-arm     self-checking static ARM programs in tests/linux/,
#                       each run under the default engine and --engine interp;
#                       the pthread stress runs 20 times with 25k increments
#                       per thread
#                       and every program again dynamically linked, run
#                       with -L (KEMU_LD_PREFIX) the cross toolchain's sysroot
#   check-linux-stress  the full pthread stress: 8 threads x 1M increments,
#                       20 runs, each must give the exact totals (slow: not
#                       part of `make check`)
LINUX_SRC := tests/linux
LINUX_OUT := $(BUILD)/tests/linux
LINUX_CFLAGS := -march=armv5te -mfloat-abi=soft -static -O2 -Wall \
                -Wno-deprecated -I$(LINUX_SRC) -I$(GUEST_ARM_SRC)
LINUX_C := $(notdir $(basename $(wildcard $(LINUX_SRC)/*.c)))
LINUX_BINS := $(LINUX_C:%=$(LINUX_OUT)/%)
LINUX_STRESS := $(BUILD)/tests/linux-stress/pthread_stress
LINUX_QUICK := $(BUILD)/tests/linux-stress/pthread_quick

$(LINUX_OUT)/%: $(LINUX_SRC)/%.c $(GUEST_ARM_SRC)/check.h | $(BUILD)/.deps-test
	@mkdir -p $(dir $@)
	$(ARM_CC) $(LINUX_CFLAGS) -marm -o $@ $< -lpthread -lrt

$(LINUX_STRESS): $(LINUX_SRC)/pthread_stress.c | $(BUILD)/.deps-test
	@mkdir -p $(dir $@)
	$(ARM_CC) $(LINUX_CFLAGS) -marm -o $@ $< -lpthread

$(LINUX_QUICK): $(LINUX_SRC)/pthread_stress.c | $(BUILD)/.deps-test
	@mkdir -p $(dir $@)
	$(ARM_CC) $(LINUX_CFLAGS) -DITERS=25000 -marm -o $@ $< -lpthread

# The same programs linked dynamically, run with the cross toolchain's
# libraries as the sysroot (KEMU_LD_PREFIX): PT_INTERP, AT_BASE and
# absolute paths looked up in the sysroot first.
LINUX_DYN_OUT := $(BUILD)/tests/linux-dyn
LINUX_SYSROOT := /usr/arm-linux-gnueabi
LINUX_DYN_BINS := $(LINUX_C:%=$(LINUX_DYN_OUT)/%-dyn)

$(LINUX_DYN_OUT)/%-dyn: $(LINUX_SRC)/%.c $(GUEST_ARM_SRC)/check.h | $(BUILD)/.deps-test
	@mkdir -p $(dir $@)
	$(ARM_CC) $(filter-out -static,$(LINUX_CFLAGS)) -DITERS=25000 -marm -o $@ $< -lpthread -lrt

.PHONY: linux-arm check-linux-arm check-linux-stress
linux-arm: $(filter-out $(LINUX_OUT)/pthread_stress,$(LINUX_BINS)) $(LINUX_QUICK) \
           $(LINUX_DYN_BINS)

check-linux-arm: linux-arm $(GUEST_KEMU_DEP)
	@mkdir -p $(TEST_RESULTS)
	KEMU_ARM="$(KEMU_ARM)" tests/guest/run.sh $(LINUX_OUT) $(TEST_RESULTS)/linux-arm.txt
	KEMU_ARM="$(KEMU_ARM)" tests/linux/repeat.sh 20 $(LINUX_QUICK) $(TEST_RESULTS)/linux-arm.txt
	KEMU_ARM="$(KEMU_ARM)" KEMU_LD_PREFIX=$(LINUX_SYSROOT) tests/guest/run.sh $(LINUX_DYN_OUT) $(TEST_RESULTS)/linux-arm.txt

check-linux-stress: $(LINUX_STRESS) $(GUEST_KEMU_DEP)
	@mkdir -p $(TEST_RESULTS)
	KEMU_ARM="$(KEMU_ARM)" tests/linux/repeat.sh 20 $(LINUX_STRESS) $(TEST_RESULTS)/linux-stress.txt

CHECK_TARGETS += check-linux-arm

# Acceptance: Debian's dynamically linked armel programs (bash, coreutils,
# lua5.4, sqlite3, bzip2, xz, python3.11) from a sysroot made of Debian
# packages (fetched into build/downloads the first time).
.PHONY: check-linux-sysroot
check-linux-sysroot: $(GUEST_KEMU_DEP) | $(BUILD)/.deps-test
	@mkdir -p $(TEST_RESULTS)
	KEMU_ARM="$(KEMU_ARM)" tests/linux/sysroot-arm.sh $(TEST_RESULTS)/linux-sysroot.txt

CHECK_TARGETS += check-linux-sysroot
