# FPA (NWFPE) and old-ABI (OABI) support: the helpers' build flags.

# The FPA arithmetic switches the host rounding mode and precision and
# reads the host exception flags: the compiler must not fold or move FP
# operations.
$(BUILD)/obj/src/target/arm/fpa_helpers.o: CFLAGS += -frounding-math -fsignaling-nans

# check-guest-arm-oabi: old-ABI programs (tests/guest/arm-oabi/), run
# under both engines by tests/guest/run.sh.  Debian has no OABI
# toolchain: the EABI assembler (which still knows the FPA mnemonics with
# -mfpu=fpa) and linker build them, then the ELF header's e_flags word
# (offset 36 of an ELF32 header) is overwritten with 0, which is EABI
# version 0: an old-ABI executable.  eabi_*.S stay EABI programs (they
# check that EABI programs get no FPA).
GUEST_OABI_SRC := tests/guest/arm-oabi
GUEST_OABI_OUT := $(BUILD)/tests/guest/arm-oabi
GUEST_OABI_BINS := $(patsubst $(GUEST_OABI_SRC)/%.S,$(GUEST_OABI_OUT)/%,\
                     $(wildcard $(GUEST_OABI_SRC)/*.S))

$(GUEST_OABI_OUT)/%: $(GUEST_OABI_SRC)/%.S $(wildcard $(GUEST_OABI_SRC)/*.inc) | $(BUILD)/.deps-test
	@mkdir -p $(dir $@)
	arm-linux-gnueabi-gcc -march=armv5te -Wa,-mfpu=fpa -static -nostdlib \
	    -I$(GUEST_OABI_SRC) -o $@.tmp $<
	$(if $(filter eabi_%,$*),,printf '\0\0\0\0' | dd of=$@.tmp bs=1 seek=36 conv=notrunc status=none)
	mv $@.tmp $@

.PHONY: check-guest-arm-oabi
check-guest-arm-oabi: $(GUEST_OABI_BINS) $(if $(KEMU_ARM),,$(BUILD)/kemu $(BUILD)/kemu-arm)
	@mkdir -p $(TEST_RESULTS)
	KEMU_ARM="$(KEMU_ARM)" tests/guest/run.sh $(GUEST_OABI_OUT) $(TEST_RESULTS)/guest-arm-oabi.txt

CHECK_TARGETS += check-guest-arm-oabi

# Acceptance: the armhf (Thumb-2, hard-float) builds of the sysroot
# programs, from Debian armhf packages fetched into build/downloads once.
.PHONY: check-linux-sysroot-armhf
check-linux-sysroot-armhf: $(if $(KEMU_ARM),,$(BUILD)/kemu $(BUILD)/kemu-arm) | $(BUILD)/.deps-test
	@mkdir -p $(TEST_RESULTS)
	KEMU_ARM="$(KEMU_ARM)" tests/linux/sysroot-arm.sh $(TEST_RESULTS)/linux-sysroot-armhf.txt armhf

CHECK_TARGETS += check-linux-sysroot-armhf

# check-guest-thumb2-smc: self-modifying Thumb-2 code inside an IT block,
# built for armhf (Thumb-2), run under both engines.
GUEST_T2SMC_OUT := $(BUILD)/tests/guest/thumb2-smc
GUEST_T2SMC_BINS := $(patsubst tests/guest/thumb2-smc/%.c,$(GUEST_T2SMC_OUT)/%,\
                      $(wildcard tests/guest/thumb2-smc/*.c))

$(GUEST_T2SMC_OUT)/%: tests/guest/thumb2-smc/%.c tests/guest/arm/check.h | $(BUILD)/.deps-test
	@mkdir -p $(dir $@)
	arm-linux-gnueabihf-gcc -static -O2 -mthumb -Wall -Itests/guest/arm -o $@ $<

.PHONY: check-guest-thumb2-smc
check-guest-thumb2-smc: $(GUEST_T2SMC_BINS) $(if $(KEMU_ARM),,$(BUILD)/kemu $(BUILD)/kemu-arm)
	@mkdir -p $(TEST_RESULTS)
	KEMU_ARM="$(KEMU_ARM)" tests/guest/run.sh $(GUEST_T2SMC_OUT) $(TEST_RESULTS)/guest-thumb2-smc.txt

CHECK_TARGETS += check-guest-thumb2-smc
