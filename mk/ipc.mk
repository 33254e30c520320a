# SysV IPC, /proc emulation, -strace decoding and kemu-binfmt:
#   check-ipc-mips  tests/linux/sysv_ipc.c (and the other programs named
#                   in IPC_MIPS_PROGS) built for mips, mipsel (o32: the
#                   ipc() multiplexer), mips64 and mips64el (n64: direct
#                   calls) and run under both engines; the ARM build runs
#                   in check-linux-arm with every tests/linux program
IPC_MIPS_ARCHES := mips mipsel mips64 mips64el
IPC_MIPS_PROGS := sysv_ipc procfs
IPC_MIPS_OUT := $(BUILD)/tests/ipc-mips

define ipc_mips_rules
$(IPC_MIPS_OUT)/$(1)/%: tests/linux/%.c tests/guest/arm/check.h | $(BUILD)/.deps-test
	@mkdir -p $$(dir $$@)
	$$(MIPS_CC_$(1)) -static -O2 -Wall -Itests/guest/arm -o $$@ $$<
endef
$(foreach a,$(IPC_MIPS_ARCHES),$(eval $(call ipc_mips_rules,$(a))))

.PHONY: check-ipc-mips
check-ipc-mips: $(foreach a,$(IPC_MIPS_ARCHES),$(IPC_MIPS_PROGS:%=$(IPC_MIPS_OUT)/$(a)/%)) \
		$(BUILD)/kemu $(IPC_MIPS_ARCHES:%=$(BUILD)/kemu-%)
	@mkdir -p $(TEST_RESULTS)
	@rm -f $(TEST_RESULTS)/ipc-mips.txt
	@status=0; for a in $(IPC_MIPS_ARCHES); do \
	    tests/guest/mips/run.sh $$a $(IPC_MIPS_OUT)/$$a $(TEST_RESULTS)/ipc-mips.txt || status=1; \
	done; exit $$status

CHECK_TARGETS += check-ipc-mips

# -strace decoding on Debian's busybox (fetched like check-busybox-arm).
.PHONY: check-strace-arm
check-strace-arm: $(GUEST_KEMU_DEP) | $(BUILD)/.deps-test
	@mkdir -p $(TEST_RESULTS)
	@rm -f $(TEST_RESULTS)/strace-arm.txt
	KEMU_ARM="$(KEMU_ARM)" tests/user/strace-arm.sh $(TEST_RESULTS)/strace-arm.txt

CHECK_TARGETS += check-strace-arm

# /proc/cpuinfo of several ARM models (tests/linux/procfs with -cpu).
.PHONY: check-procfs-arm
check-procfs-arm: $(BUILD)/tests/linux/procfs $(GUEST_KEMU_DEP)
	@mkdir -p $(TEST_RESULTS)
	@rm -f $(TEST_RESULTS)/procfs-arm.txt
	KEMU_ARM="$(KEMU_ARM)" tests/linux/procfs-models.sh $(BUILD)/tests/linux/procfs $(TEST_RESULTS)/procfs-arm.txt

CHECK_TARGETS += check-procfs-arm

# binfmt_misc registrations for every kemu-ARCH user-mode link.
#   make binfmt            print them
#   scripts/kemu-binfmt --install   register them (root)
.PHONY: binfmt check-binfmt
binfmt: $(BUILD)/kemu $(BUILD)/kemu-arm $(IPC_MIPS_ARCHES:%=$(BUILD)/kemu-%)
	@scripts/kemu-binfmt --dir $(BUILD)

check-binfmt: $(BUILD)/tests/linux/procfs $(IPC_MIPS_ARCHES:%=$(IPC_MIPS_OUT)/%/procfs) \
		$(BUILD)/kemu $(BUILD)/kemu-arm $(IPC_MIPS_ARCHES:%=$(BUILD)/kemu-%)
	@mkdir -p $(TEST_RESULTS)
	@rm -f $(TEST_RESULTS)/binfmt.txt
	/usr/bin/python3 tests/user/binfmt.py $(TEST_RESULTS)/binfmt.txt \
	    arm=$(BUILD)/tests/linux/procfs \
	    $(foreach a,$(IPC_MIPS_ARCHES),$(a)=$(IPC_MIPS_OUT)/$(a)/procfs)

CHECK_TARGETS += check-binfmt
