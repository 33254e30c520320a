# Linux user mode I/O and memory: the programs of tests/linux/*.c (among
# them mem_map, net_io and event_io) run in check-linux-arm; this suite
# adds
#   check-linux-io   tests/linux/armhf/*.c built hard-float (VFP state in
#                    signal frames; kemu picks the `max` model), and the
#                    signal-free tests/linux/ programs of USERIO_MIPS built
#                    for mipsel, mips (big-endian) and mips64el (n64),
#                    and the same programs for ARM with 64-bit time_t
#                    (glibc then uses SO_RCVTIMEO_NEW, timerfd_settime64,
#                    recvmmsg_time64, ...), each under both engines
USERIO_ARMHF_SRC := tests/linux/armhf
USERIO_ARMHF_OUT := $(BUILD)/tests/linux-armhf
USERIO_ARMHF_C := $(notdir $(basename $(wildcard $(USERIO_ARMHF_SRC)/*.c)))
USERIO_ARMHF_BINS := $(USERIO_ARMHF_C:%=$(USERIO_ARMHF_OUT)/%)

$(USERIO_ARMHF_OUT)/%: $(USERIO_ARMHF_SRC)/%.c $(GUEST_ARM_SRC)/check.h | $(BUILD)/.deps-test
	@mkdir -p $(dir $@)
	arm-linux-gnueabihf-gcc -static -O2 -marm -mfpu=vfpv3 -Wall \
	    -I$(GUEST_ARM_SRC) -o $@ $<

# Programs without signals (MIPS signal delivery is another module's).
USERIO_MIPS := net_io event_io
USERIO_MIPS_ARCHES := mipsel mips mips64el
USERIO_MIPS_OUT := $(BUILD)/tests/linux-io-mips

define userio_mips_rules
$(USERIO_MIPS_OUT)/$(1)/%-O2: tests/linux/%.c $(GUEST_ARM_SRC)/check.h | $(BUILD)/.deps-test
	@mkdir -p $$(dir $$@)
	$(MIPS_CC_$(1)) -static -O2 -Wall -I$(GUEST_ARM_SRC) -o $$@ $$<
USERIO_MIPS_BINS += $(USERIO_MIPS:%=$(USERIO_MIPS_OUT)/$(1)/%-O2)
endef
$(foreach a,$(USERIO_MIPS_ARCHES),$(eval $(call userio_mips_rules,$(a))))

USERIO_T64_OUT := $(BUILD)/tests/linux-io-time64
USERIO_T64_BINS := $(USERIO_MIPS:%=$(USERIO_T64_OUT)/%-time64)

$(USERIO_T64_OUT)/%-time64: tests/linux/%.c $(GUEST_ARM_SRC)/check.h | $(BUILD)/.deps-test
	@mkdir -p $(dir $@)
	$(ARM_CC) $(LINUX_CFLAGS) -D_TIME_BITS=64 -D_FILE_OFFSET_BITS=64 -marm \
	    -o $@ $<

.PHONY: linux-io check-linux-io
linux-io: $(USERIO_ARMHF_BINS) $(USERIO_MIPS_BINS) $(USERIO_T64_BINS)

check-linux-io: linux-io $(BUILD)/kemu $(BUILD)/kemu-arm \
                $(USERIO_MIPS_ARCHES:%=$(BUILD)/kemu-%)
	@mkdir -p $(TEST_RESULTS)
	@rm -f $(TEST_RESULTS)/linux-io.txt
	@status=0; \
	tests/guest/run.sh $(USERIO_ARMHF_OUT) $(TEST_RESULTS)/linux-io.txt || status=1; \
	tests/guest/run.sh $(USERIO_T64_OUT) $(TEST_RESULTS)/linux-io.txt || status=1; \
	for a in $(USERIO_MIPS_ARCHES); do \
	    tests/guest/mips/run.sh $$a $(USERIO_MIPS_OUT)/$$a $(TEST_RESULTS)/linux-io.txt || status=1; \
	done; exit $$status

CHECK_TARGETS += check-linux-io
