# The ARM guest programs built for Debian's armhf port (ARMv7-A, Thumb-2
# by default, VFPv3-D16 hard-float calling convention), suite
# check-guest-armhf.  kemu-arm picks the `max` model by itself for
# hard-float executables.  Each program is built at -O0 and -O2.

ARMHF_CC        := arm-linux-gnueabihf-gcc
GUEST_ARMHF_SRC := tests/guest/arm
GUEST_ARMHF_OUT := $(BUILD)/tests/guest/armhf
GUEST_ARMHF_CFLAGS := -static -Wall -Wno-deprecated -fno-strict-aliasing \
                      -I$(GUEST_ARMHF_SRC)

# Programs with ARM-state (A32-only) inline assembly, which is not valid
# Thumb-2, are built with -marm; every other program is Thumb-2 code.
GUEST_ARMHF_ARM := addr_modes arith_flags cond_codes data_proc dsp_mul \
                   interwork ldm_stm ldrh_ldrd multiply psr_flags qarith_clz \
                   shifts_reg signals signal_setend swp loop_tb
# tests/guest/armhf/ adds programs that only make sense with a VFP
# (fenv rounding modes and exception flags).
GUEST_ARMHF_ONLY := tests/guest/armhf
GUEST_ARMHF_C := $(notdir $(basename $(wildcard $(GUEST_ARMHF_SRC)/*.c))) \
                 $(notdir $(basename $(wildcard $(GUEST_ARMHF_ONLY)/*.c)))
GUEST_ARMHF_BINS := $(GUEST_ARMHF_C:%=$(GUEST_ARMHF_OUT)/%-O0) \
                    $(GUEST_ARMHF_C:%=$(GUEST_ARMHF_OUT)/%-O2)
# Advanced SIMD programs: -mfpu=neon, plus an -O3 build for the
# vectorizer (NEON float vectorization needs -funsafe-math-optimizations,
# since NEON flushes denormals).
GUEST_ARMHF_NEON := neon_intrin neon_autovec
GUEST_ARMHF_BINS += $(GUEST_ARMHF_NEON:%=$(GUEST_ARMHF_OUT)/%-O3)

.PHONY: guest-armhf check-guest-armhf
guest-armhf: $(GUEST_ARMHF_BINS)

$(GUEST_ARMHF_OUT)/%-O0: $(GUEST_ARMHF_SRC)/%.c $(GUEST_ARMHF_SRC)/check.h | $(BUILD)/.deps-test
	@mkdir -p $(dir $@)
	$(ARMHF_CC) $(GUEST_ARMHF_CFLAGS) \
	    $(if $(filter $*,$(GUEST_ARMHF_ARM)),-marm) -O0 -o $@ $< -lm

$(GUEST_ARMHF_OUT)/%-O2: $(GUEST_ARMHF_SRC)/%.c $(GUEST_ARMHF_SRC)/check.h | $(BUILD)/.deps-test
	@mkdir -p $(dir $@)
	$(ARMHF_CC) $(GUEST_ARMHF_CFLAGS) \
	    $(if $(filter $*,$(GUEST_ARMHF_ARM)),-marm) -O2 -o $@ $< -lm

# (kemu itself unless KEMU_ARM names another emulator)
$(GUEST_ARMHF_OUT)/%-O0: $(GUEST_ARMHF_ONLY)/%.c $(GUEST_ARMHF_SRC)/check.h | $(BUILD)/.deps-test
	@mkdir -p $(dir $@)
	$(ARMHF_CC) $(GUEST_ARMHF_CFLAGS) \
	    $(if $(filter $*,$(GUEST_ARMHF_NEON)),-mfpu=neon) \
	    $(if $(filter $*,$(GUEST_ARMHF_ARM)),-marm) -O0 -o $@ $< -lm

$(GUEST_ARMHF_OUT)/%-O2: $(GUEST_ARMHF_ONLY)/%.c $(GUEST_ARMHF_SRC)/check.h | $(BUILD)/.deps-test
	@mkdir -p $(dir $@)
	$(ARMHF_CC) $(GUEST_ARMHF_CFLAGS) \
	    $(if $(filter $*,$(GUEST_ARMHF_NEON)),-mfpu=neon) \
	    $(if $(filter $*,$(GUEST_ARMHF_ARM)),-marm) -O2 -o $@ $< -lm

$(GUEST_ARMHF_OUT)/%-O3: $(GUEST_ARMHF_ONLY)/%.c $(GUEST_ARMHF_SRC)/check.h | $(BUILD)/.deps-test
	@mkdir -p $(dir $@)
	$(ARMHF_CC) $(GUEST_ARMHF_CFLAGS) -mfpu=neon -funsafe-math-optimizations \
	    -O3 -o $@ $< -lm

check-guest-armhf: guest-armhf $(if $(KEMU_ARM),,$(BUILD)/kemu $(BUILD)/kemu-arm)
	@mkdir -p $(TEST_RESULTS)
	KEMU_ARM="$(KEMU_ARM)" tests/guest/run.sh $(GUEST_ARMHF_OUT) $(TEST_RESULTS)/guest-armhf.txt

CHECK_TARGETS += check-guest-armhf

# Debian's static busybox for armhf (a Thumb-2, hard-float build) with the
# armel busybox suite's checks.
.PHONY: check-busybox-armhf
check-busybox-armhf: $(if $(KEMU_ARM),,$(BUILD)/kemu $(BUILD)/kemu-arm) | $(BUILD)/.deps-test
	@mkdir -p $(TEST_RESULTS)
	BB_ARCH=armhf KEMU_ARM="$(KEMU_ARM)" tests/user/busybox-arm.sh $(TEST_RESULTS)/busybox-armhf.txt

CHECK_TARGETS += check-busybox-armhf
