# The Malta board's ISA devices and large memory.
#   check-devices        unit tests of the i8254 PIT and the i8042
#                        keyboard controller (tests/unit/devices/), run
#                        through their port functions with a simulated
#                        clock.
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

CHECK_TARGETS += check-devices
.PHONY: check-devices
check-devices: $(DEVTEST_BIN)
	@mkdir -p $(TEST_RESULTS)
	@rm -f $(TEST_RESULTS)/check-devices.txt
	$(DEVTEST_BIN) $(TEST_RESULTS)/check-devices.txt

CHECK_TARGETS += check-malta-devices
.PHONY: check-malta-devices
check-malta-devices: $(BUILD)/kemu $(BUILD)/kemu-system-mipsel \
                     $(BUILD)/kemu-system-mips64el | $(BUILD)/.deps-test
	@mkdir -p $(TEST_RESULTS)
	@rm -f $(TEST_RESULTS)/check-malta-devices.txt
	tests/system/malta-devices.sh $(TEST_RESULTS)/check-malta-devices.txt
