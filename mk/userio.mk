# Linux user mode I/O and memory: the programs of tests/linux/*.c (among
# them mem_map, net_io and event_io) run in check-linux-arm; this suite
# adds
#   check-linux-io   tests/linux/armhf/*.c built hard-float (VFP state in
#                    signal frames; kemu picks the `max` model), and
#                    net_io and event_io built for ARM with 64-bit time_t
#                    (glibc then uses SO_RCVTIMEO_NEW, timerfd_settime64,
#                    recvmmsg_time64, ...), each under both engines
# (check-linux-mips, mk/mipsuser.mk, runs these tests/linux programs for
# the MIPS targets.)
USERIO_ARMHF_SRC := tests/linux/armhf
USERIO_ARMHF_OUT := $(BUILD)/tests/linux-armhf
USERIO_ARMHF_C := $(notdir $(basename $(wildcard $(USERIO_ARMHF_SRC)/*.c)))
USERIO_ARMHF_BINS := $(USERIO_ARMHF_C:%=$(USERIO_ARMHF_OUT)/%)

$(USERIO_ARMHF_OUT)/%: $(USERIO_ARMHF_SRC)/%.c $(GUEST_ARM_SRC)/check.h | $(BUILD)/.deps-test
	@mkdir -p $(dir $@)
	arm-linux-gnueabihf-gcc -static -O2 -marm -mfpu=vfpv3 -Wall \
	    -I$(GUEST_ARM_SRC) -o $@ $<

USERIO_T64_PROGS := net_io event_io
USERIO_T64_OUT := $(BUILD)/tests/linux-io-time64
USERIO_T64_BINS := $(USERIO_T64_PROGS:%=$(USERIO_T64_OUT)/%-time64)

$(USERIO_T64_OUT)/%-time64: tests/linux/%.c $(GUEST_ARM_SRC)/check.h | $(BUILD)/.deps-test
	@mkdir -p $(dir $@)
	$(ARM_CC) $(LINUX_CFLAGS) -D_TIME_BITS=64 -D_FILE_OFFSET_BITS=64 -marm \
	    -o $@ $<

.PHONY: linux-io check-linux-io
linux-io: $(USERIO_ARMHF_BINS) $(USERIO_T64_BINS)

check-linux-io: linux-io $(BUILD)/kemu $(BUILD)/kemu-arm
	@mkdir -p $(TEST_RESULTS)
	@rm -f $(TEST_RESULTS)/linux-io.txt
	@status=0; \
	tests/guest/run.sh $(USERIO_ARMHF_OUT) $(TEST_RESULTS)/linux-io.txt || status=1; \
	tests/guest/run.sh $(USERIO_T64_OUT) $(TEST_RESULTS)/linux-io.txt || status=1; \
	exit $$status

CHECK_TARGETS += check-linux-io
