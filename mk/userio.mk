# Linux user mode I/O and memory: the programs of tests/linux/*.c (among
# them mem_map and net_io) run in check-linux-arm; this suite adds
#   check-linux-io   tests/linux/armhf/*.c built hard-float (VFP state in
#                    signal frames; kemu picks the `max` model) and the
#                    tests/linux/ programs listed in USERIO_MIPS built for
#                    mipsel, each under both engines
USERIO_ARMHF_SRC := tests/linux/armhf
USERIO_ARMHF_OUT := $(BUILD)/tests/linux-armhf
USERIO_ARMHF_C := $(notdir $(basename $(wildcard $(USERIO_ARMHF_SRC)/*.c)))
USERIO_ARMHF_BINS := $(USERIO_ARMHF_C:%=$(USERIO_ARMHF_OUT)/%)

$(USERIO_ARMHF_OUT)/%: $(USERIO_ARMHF_SRC)/%.c $(GUEST_ARM_SRC)/check.h | $(BUILD)/.deps-test
	@mkdir -p $(dir $@)
	arm-linux-gnueabihf-gcc -static -O2 -marm -mfpu=vfpv3 -Wall \
	    -I$(GUEST_ARM_SRC) -o $@ $<

# Programs without signals (MIPS signal delivery is another module's).
USERIO_MIPS :=
USERIO_MIPS_OUT := $(BUILD)/tests/linux-mipsel
USERIO_MIPS_BINS := $(USERIO_MIPS:%=$(USERIO_MIPS_OUT)/%-O2)

$(USERIO_MIPS_OUT)/%-O2: tests/linux/%.c $(GUEST_ARM_SRC)/check.h | $(BUILD)/.deps-test
	@mkdir -p $(dir $@)
	mipsel-linux-gnu-gcc -static -O2 -Wall -I$(GUEST_ARM_SRC) -o $@ $<

.PHONY: linux-io check-linux-io
linux-io: $(USERIO_ARMHF_BINS) $(USERIO_MIPS_BINS)

check-linux-io: linux-io $(BUILD)/kemu $(BUILD)/kemu-arm $(BUILD)/kemu-mipsel
	@mkdir -p $(TEST_RESULTS)
	@rm -f $(TEST_RESULTS)/linux-io.txt
	@status=0; \
	tests/guest/run.sh $(USERIO_ARMHF_OUT) $(TEST_RESULTS)/linux-io.txt || status=1; \
	$(if $(USERIO_MIPS),tests/guest/mips/run.sh mipsel $(USERIO_MIPS_OUT) $(TEST_RESULTS)/linux-io.txt || status=1;) \
	exit $$status

CHECK_TARGETS += check-linux-io
