# MIPS Linux user mode beyond the instruction set: signals, processes,
# threads and real programs.
#   check-linux-mips    the self-checking programs of tests/linux/ (shared
#                       with ARM) and tests/linux/mips/, static, for mips,
#                       mipsel, mips64el and mips64, each run under both
#                       engines; the pthread stress (25k increments per
#                       thread) runs 5 times per engine and arch; every
#                       program again dynamically linked, run with the cross
#                       toolchain's libraries as the sysroot (KEMU_LD_PREFIX)
#   check-busybox-mips  Debian's busybox-static for mipsel and mips64el
#                       with the armel suite's checks (tests/user/busybox-arm.sh)
#   check-linux-sysroot-mips  Debian's dynamically linked mipsel and
#                       mips64el bash, coreutils, lua5.4, sqlite3, bzip2, xz
#                       and python3.11 with -L a sysroot of Debian packages
#                       (tests/linux/sysroot-arm.sh; fetched into
#                       build/downloads the first time)
MIPSUSER_ARCHES := mips mipsel mips64el mips64
LINUX_MIPS_OUT := $(BUILD)/tests/linux-mips
LINUX_MIPS_OWN := $(notdir $(basename $(wildcard $(LINUX_SRC)/mips/*.c)))
LINUX_MIPS_PROGS := $(filter-out pthread_stress,$(LINUX_C)) $(LINUX_MIPS_OWN)
LINUX_MIPS_CFLAGS := -static -O2 -Wall -Wno-infinite-recursion -Wno-array-bounds -I$(LINUX_SRC) -I$(GUEST_ARM_SRC)
LINUX_MIPS_HDRS := $(LINUX_SRC)/arch.h $(GUEST_ARM_SRC)/check.h

define linux_mips_rules
$(LINUX_MIPS_OUT)/$(1)/%: $(LINUX_SRC)/%.c $(LINUX_MIPS_HDRS) | $(BUILD)/.deps-test
	@mkdir -p $$(dir $$@)
	$$(MIPS_CC_$(1)) $(LINUX_MIPS_CFLAGS) -o $$@ $$< -lpthread -lrt
$(LINUX_MIPS_OUT)/$(1)/%: $(LINUX_SRC)/mips/%.c $(LINUX_MIPS_HDRS) | $(BUILD)/.deps-test
	@mkdir -p $$(dir $$@)
	$$(MIPS_CC_$(1)) $(LINUX_MIPS_CFLAGS) -o $$@ $$< -lpthread -lrt
$(LINUX_MIPS_OUT)/stress/pthread_quick-$(1): $(LINUX_SRC)/pthread_stress.c $(LINUX_MIPS_HDRS) | $(BUILD)/.deps-test
	@mkdir -p $$(dir $$@)
	$$(MIPS_CC_$(1)) $(LINUX_MIPS_CFLAGS) -DITERS=25000 -o $$@ $$< -lpthread
$(LINUX_MIPS_OUT)/dyn-$(1)/%-dyn: $(LINUX_SRC)/%.c $(LINUX_MIPS_HDRS) | $(BUILD)/.deps-test
	@mkdir -p $$(dir $$@)
	$$(MIPS_CC_$(1)) $(filter-out -static,$(LINUX_MIPS_CFLAGS)) -DITERS=25000 -o $$@ $$< -lpthread -lrt
$(LINUX_MIPS_OUT)/dyn-$(1)/%-dyn: $(LINUX_SRC)/mips/%.c $(LINUX_MIPS_HDRS) | $(BUILD)/.deps-test
	@mkdir -p $$(dir $$@)
	$$(MIPS_CC_$(1)) $(filter-out -static,$(LINUX_MIPS_CFLAGS)) -o $$@ $$< -lpthread -lrt
LINUX_MIPS_BINS += $(LINUX_MIPS_PROGS:%=$(LINUX_MIPS_OUT)/$(1)/%) \
                   $(LINUX_MIPS_OUT)/stress/pthread_quick-$(1) \
                   $(LINUX_C:%=$(LINUX_MIPS_OUT)/dyn-$(1)/%-dyn) \
                   $(LINUX_MIPS_OWN:%=$(LINUX_MIPS_OUT)/dyn-$(1)/%-dyn)
endef
$(foreach a,$(MIPSUSER_ARCHES),$(eval $(call linux_mips_rules,$(a))))

.PHONY: linux-mips check-linux-mips check-busybox-mips
linux-mips: $(LINUX_MIPS_BINS)

check-linux-mips: linux-mips $(BUILD)/kemu $(MIPSUSER_ARCHES:%=$(BUILD)/kemu-%)
	@mkdir -p $(TEST_RESULTS)
	@rm -f $(TEST_RESULTS)/linux-mips.txt
	@status=0; for p in $(foreach a,$(MIPSUSER_ARCHES),$(a):$(patsubst %-gcc,/usr/%,$(MIPS_CC_$(a)))); do \
	    a=$${p%%:*}; \
	    tests/guest/mips/run.sh $$a $(LINUX_MIPS_OUT)/$$a $(TEST_RESULTS)/linux-mips.txt || status=1; \
	    KEMU_LD_PREFIX=$${p#*:} tests/guest/mips/run.sh $$a $(LINUX_MIPS_OUT)/dyn-$$a $(TEST_RESULTS)/linux-mips.txt || status=1; \
	    for e in "" " --engine interp"; do \
	        KEMU_ARM="$(BUILD)/kemu-$$a$$e" tests/linux/repeat.sh 5 \
	            $(LINUX_MIPS_OUT)/stress/pthread_quick-$$a $(TEST_RESULTS)/linux-mips.txt || status=1; \
	    done; \
	done; exit $$status

check-busybox-mips: $(BUILD)/kemu $(BUILD)/kemu-mipsel $(BUILD)/kemu-mips64el | $(BUILD)/.deps-test
	@mkdir -p $(TEST_RESULTS)
	@rm -f $(TEST_RESULTS)/busybox-mips.txt
	@status=0; for a in mipsel mips64el; do \
	    BB_ARCH=$$a KEMU_ARM="$(BUILD)/kemu-$$a" tests/user/busybox-arm.sh \
	        $(TEST_RESULTS)/busybox-mips.txt || status=1; \
	done; exit $$status

.PHONY: check-linux-sysroot-mips
check-linux-sysroot-mips: $(BUILD)/kemu $(BUILD)/kemu-mipsel $(BUILD)/kemu-mips64el | $(BUILD)/.deps-test
	@mkdir -p $(TEST_RESULTS)
	@rm -f $(TEST_RESULTS)/linux-sysroot-mips.txt
	@status=0; for a in mipsel mips64el; do \
	    SYSROOT_ARCH=$$a KEMU_ARM="$(BUILD)/kemu-$$a" tests/linux/sysroot-arm.sh \
	        $(TEST_RESULTS)/linux-sysroot-mips.txt || status=1; \
	done; exit $$status

CHECK_TARGETS += check-linux-mips check-busybox-mips check-linux-sysroot-mips
