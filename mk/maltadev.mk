# The Malta board's ISA devices and large memory.
#   check-devices        unit tests of the i8254 PIT and the i8042
#                        keyboard controller (tests/unit/devices/), run
#                        through their port functions with a simulated
#                        clock; then bare-metal programs on the board
#                        (tests/system/maltadev/, both endians): isa.c (PIT
#                        interrupts, read-back, port 0x61, i8042 with IRQ 1)
#                        and kbdreset.S as -bios (the 0xfe reset pulse);
#                        highmem64.S on the 64-bit boards with -m 1024 (the
#                        RAM aliases through XKPHYS); -m 2049 refused.
#   check-malta-devices  Debian's Malta kernels booted with more than 256
#                        MiB (mipsel -m 1024, mips64el -cpu 5KEc -m 1024):
#                        MemTotal as QEMU shows it, the i8042 probe lines of
#                        QEMU's boot log, IRQ 0 (PIT) and 1 (i8042) in
#                        /proc/interrupts, poweroff ends kemu with 0
#                        (tests/system/malta_devices.py).  The kernels and
#                        busybox come from tests/system/linux-malta.sh.
DEVTEST_SRCS := $(wildcard tests/unit/devices/*.c) \
                src/system/devices/i8254.c src/system/devices/i8042.c \
                src/util/error.c
DEVTEST_BIN := $(BUILD)/tests/unit/device-tests

$(DEVTEST_BIN): $(DEVTEST_SRCS) tests/unit/devices/devtest.h \
                src/system/devices/i8254.h src/system/devices/i8042.h
	@mkdir -p $(dir $@)
	$(CC) $(filter-out -MMD -MP,$(CFLAGS)) -Itests/unit/devices -o $@ \
	    $(DEVTEST_SRCS) $(LDFLAGS)

# Bare-metal programs, built with the runtime of tests/system/mips.
MDEV_SRC := tests/system/maltadev
MDEV_OUT := $(BUILD)/tests/system/maltadev
MDEV_RT := tests/system/mips/start.S tests/system/mips/rt.c
MDEV_CFLAGS := -march=24kf -mhard-float -mfp32 -mno-abicalls -fno-pic -G0 \
               -O2 -Wall -ffreestanding -nostdlib -static -Itests/system/mips
MDEV_CC_eb := mips-linux-gnu-gcc -EB
MDEV_CC_el := mipsel-linux-gnu-gcc -EL
MDEV_PROGS := $(foreach e,eb el,$(MDEV_OUT)/isa-$(e).elf $(MDEV_OUT)/kbdreset-$(e).bin)

define mdev_rules
$(MDEV_OUT)/isa-$(1).elf: $(MDEV_SRC)/isa.c $(MDEV_RT) tests/system/mips/rt.h \
        tests/system/mips/link.ld | $(BUILD)/.deps-test
	@mkdir -p $$(dir $$@)
	$$(MDEV_CC_$(1)) $$(MDEV_CFLAGS) -T tests/system/mips/link.ld -o $$@ \
	    $(MDEV_RT) $$< -lgcc
$(MDEV_OUT)/kbdreset-$(1).bin: $(MDEV_SRC)/kbdreset.S | $(BUILD)/.deps-test
	@mkdir -p $$(dir $$@)
	$$(MDEV_CC_$(1)) $$(MDEV_CFLAGS) -Ttext=0xbfc00000 -e _start \
	    -o $(MDEV_OUT)/kbdreset-$(1).elf $$<
	mips-linux-gnu-objcopy -O binary -j .text $(MDEV_OUT)/kbdreset-$(1).elf $$@
endef
$(foreach e,eb el,$(eval $(call mdev_rules,$(e))))

MDEV64_CFLAGS := -mabi=64 -march=mips64r2 -mno-abicalls -fno-pic \
                 -ffreestanding -nostdlib -static -Itests/system/mips
MDEV64_CC_eb := mips64-linux-gnuabi64-gcc
MDEV64_CC_el := mips64el-linux-gnuabi64-gcc
MDEV_PROGS += $(foreach e,eb el,$(MDEV_OUT)/highmem64-$(e).elf)
define mdev64_rules
$(MDEV_OUT)/highmem64-$(1).elf: $(MDEV_SRC)/highmem64.S tests/system/mips/link64.ld \
        | $(BUILD)/.deps-test
	@mkdir -p $$(dir $$@)
	$$(MDEV64_CC_$(1)) $$(MDEV64_CFLAGS) -T tests/system/mips/link64.ld -o $$@ $$<
endef
$(foreach e,eb el,$(eval $(call mdev64_rules,$(e))))

CHECK_TARGETS += check-devices
.PHONY: check-devices
check-devices: $(DEVTEST_BIN) $(MDEV_PROGS) $(BUILD)/kemu \
               $(BUILD)/kemu-system-mips $(BUILD)/kemu-system-mipsel \
               $(BUILD)/kemu-system-mips64 $(BUILD)/kemu-system-mips64el
	@mkdir -p $(TEST_RESULTS)
	@rm -f $(TEST_RESULTS)/check-devices.txt
	@status=0; res=$(TEST_RESULTS)/check-devices.txt; \
	$(DEVTEST_BIN) $$res || status=1; \
	for e in eb el; do \
	    if [ $$e = eb ]; then k=$(BUILD)/kemu-system-mips; else k=$(BUILD)/kemu-system-mipsel; fi; \
	    tests/system/mips/run.sh $$k malta-isa-$$e $$res $(MDEV_SRC)/isa.expect \
	        -kernel $(MDEV_OUT)/isa-$$e.elf || status=1; \
	    tests/system/mips/run.sh $$k malta-kbdreset-$$e $$res $(MDEV_SRC)/kbdreset.expect \
	        -bios $(MDEV_OUT)/kbdreset-$$e.bin || status=1; \
	    if [ $$e = eb ]; then k=$(BUILD)/kemu-system-mips64; else k=$(BUILD)/kemu-system-mips64el; fi; \
	    tests/system/mips/run.sh $$k malta64-highmem-$$e $$res $(MDEV_SRC)/highmem64.expect \
	        -m 1024 -kernel $(MDEV_OUT)/highmem64-$$e.elf || status=1; \
	done; \
	msg=$$($(BUILD)/kemu-system-mipsel -M malta -m 2049 -nographic 2>&1); \
	if [ $$? = 1 ] && [ "$$msg" = "kemu-system-mipsel: Too much memory for this machine: 2049MB, maximum 2048MB" ]; \
	then echo "PASS malta-ram-limit" >>$$res; \
	else echo "malta-ram-limit: $$msg" >&2; echo "FAIL malta-ram-limit" >>$$res; status=1; fi; \
	echo "devices: $$(grep -c '^PASS' $$res) passed, $$(grep -c '^FAIL' $$res) failed"; \
	exit $$status

CHECK_TARGETS += check-malta-devices
.PHONY: check-malta-devices
check-malta-devices: $(BUILD)/kemu $(BUILD)/kemu-system-mipsel \
                     $(BUILD)/kemu-system-mips64el | $(BUILD)/.deps-test
	@mkdir -p $(TEST_RESULTS)
	@rm -f $(TEST_RESULTS)/check-malta-devices.txt
	tests/system/malta-devices.sh $(TEST_RESULTS)/check-malta-devices.txt
