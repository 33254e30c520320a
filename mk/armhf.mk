# The ARM guest programs built for Debian's armhf port (ARMv7-A, Thumb-2
# by default, VFPv3-D16 hard-float calling convention), suite
# check-guest-armhf.  kemu-arm picks the `max` model by itself for
# hard-float executables.  Only -O2 builds, to keep `make check` short.

ARMHF_CC        := arm-linux-gnueabihf-gcc
GUEST_ARMHF_SRC := tests/guest/arm
GUEST_ARMHF_OUT := $(BUILD)/tests/guest/armhf
GUEST_ARMHF_CFLAGS := -static -Wall -Wno-deprecated -fno-strict-aliasing \
                      -I$(GUEST_ARMHF_SRC)

# Programs left out, with the reason:
#   swp          SWP/SWPB do not exist in ARMv7 Thumb state
#   interwork    ARM-state inline assembly written for v5TE interworking
#   addr_modes arith_flags cond_codes data_proc dsp_mul ldm_stm ldrh_ldrd
#   multiply psr_flags qarith_clz shifts_reg
#                ARM-state (A32-only) inline assembly, not valid Thumb-2;
#                built with -marm instead (see GUEST_ARMHF_ARM)
GUEST_ARMHF_EXCLUDE := swp interwork
GUEST_ARMHF_ARM := addr_modes arith_flags cond_codes data_proc dsp_mul \
                   ldm_stm ldrh_ldrd multiply psr_flags qarith_clz shifts_reg
GUEST_ARMHF_C := $(filter-out $(GUEST_ARMHF_EXCLUDE),\
                   $(notdir $(basename $(wildcard $(GUEST_ARMHF_SRC)/*.c))))
GUEST_ARMHF_BINS := $(GUEST_ARMHF_C:%=$(GUEST_ARMHF_OUT)/%-O2)

.PHONY: guest-armhf check-guest-armhf
guest-armhf: $(GUEST_ARMHF_BINS)

$(GUEST_ARMHF_OUT)/%-O2: $(GUEST_ARMHF_SRC)/%.c $(GUEST_ARMHF_SRC)/check.h | $(BUILD)/.deps-test
	@mkdir -p $(dir $@)
	$(ARMHF_CC) $(GUEST_ARMHF_CFLAGS) \
	    $(if $(filter $*,$(GUEST_ARMHF_ARM)),-marm) -O2 -o $@ $< -lm

# (kemu itself unless KEMU_ARM names another emulator)
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
