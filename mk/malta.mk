# System-mode MIPS (the Malta board):
#   check-system-mips  bare-metal programs of tests/system/mips/, built
#                      big- and little-endian, run with -kernel (ELF) or
#                      -bios (raw ROM image) and -semihosting; each must
#                      print exactly its .expect file on the UART and exit 0;
#                      then tests/system/py (QMP against a running Malta CPU);
#                      and the MIPS64 programs (SYSMIPS64_TESTS, ELF64 with
#                      -mabi=64) on kemu-system-mips64/-mips64el.
SYSMIPS_SRC := tests/system/mips
SYSMIPS_OUT := $(BUILD)/tests/system/mips
SYSMIPS_CFLAGS := -march=24kf -mhard-float -mfp32 -mno-abicalls -fno-pic -G0 \
                  -O2 -Wall -ffreestanding -nostdlib -static -I$(SYSMIPS_SRC)
SYSMIPS_RT := $(SYSMIPS_SRC)/start.S $(SYSMIPS_SRC)/rt.c
SYSMIPS_TESTS := exceptions timer tlb fpu softmmu
SYSMIPS_EXTRA_tlb := $(SYSMIPS_SRC)/user.S
SYSMIPS_CC_eb := mips-linux-gnu-gcc -EB
SYSMIPS_CC_el := mipsel-linux-gnu-gcc -EL
SYSMIPS_KEMU_eb := $(BUILD)/kemu-system-mips
SYSMIPS_KEMU_el := $(BUILD)/kemu-system-mipsel

SYSMIPS_ELFS := $(foreach e,eb el,$(SYSMIPS_TESTS:%=$(SYSMIPS_OUT)/%-$(e).elf))
SYSMIPS_ROMS := bios softreset ticker
SYSMIPS_BIOS := $(foreach r,$(SYSMIPS_ROMS),$(SYSMIPS_OUT)/$(r)-eb.bin $(SYSMIPS_OUT)/$(r)-el.bin)
SYSMIPS_DEPS := $(SYSMIPS_RT) $(SYSMIPS_SRC)/rt.h $(SYSMIPS_SRC)/regdef.h \
                $(SYSMIPS_SRC)/link.ld $(SYSMIPS_SRC)/user.S | $(BUILD)/.deps-test

define sysmips_elf
$(SYSMIPS_OUT)/$(1)-$(2).elf: $(SYSMIPS_SRC)/$(1).c $(SYSMIPS_DEPS)
	@mkdir -p $$(dir $$@)
	$$(SYSMIPS_CC_$(2)) $$(SYSMIPS_CFLAGS) -T $(SYSMIPS_SRC)/link.ld -o $$@ \
	    $(SYSMIPS_RT) $$(SYSMIPS_EXTRA_$(1)) $$< -lgcc
endef
$(foreach t,$(SYSMIPS_TESTS),$(foreach e,eb el,$(eval $(call sysmips_elf,$(t),$(e)))))

# Raw ROM images at the reset vector (-bios).
define sysmips_rom
$(SYSMIPS_OUT)/$(1)-$(2).bin: $(SYSMIPS_SRC)/$(1).S $(SYSMIPS_SRC)/regdef.h | $(BUILD)/.deps-test
	@mkdir -p $$(dir $$@)
	$$(SYSMIPS_CC_$(2)) $$(SYSMIPS_CFLAGS) -Ttext=0xbfc00000 -e _start \
	    -o $(SYSMIPS_OUT)/$(1)-$(2).elf $$<
	mips-linux-gnu-objcopy -O binary -j .text $(SYSMIPS_OUT)/$(1)-$(2).elf $$@
endef
$(foreach r,$(SYSMIPS_ROMS),$(foreach e,eb el,$(eval $(call sysmips_rom,$(r),$(e)))))

# MIPS64 bare-metal programs: self-contained assembly, linked in CKSEG0.
SYSMIPS64_TESTS := xkphys64
SYSMIPS64_CFLAGS := -mabi=64 -march=mips64r2 -mno-abicalls -fno-pic \
                    -ffreestanding -nostdlib -static -I$(SYSMIPS_SRC)
SYSMIPS64_CC_eb := mips64-linux-gnuabi64-gcc
SYSMIPS64_CC_el := mips64el-linux-gnuabi64-gcc
SYSMIPS64_KEMU_eb := $(BUILD)/kemu-system-mips64
SYSMIPS64_KEMU_el := $(BUILD)/kemu-system-mips64el
SYSMIPS64_ELFS := $(foreach e,eb el,$(SYSMIPS64_TESTS:%=$(SYSMIPS_OUT)/%-$(e).elf))

define sysmips64_elf
$(SYSMIPS_OUT)/$(1)-$(2).elf: $(SYSMIPS_SRC)/$(1).S $(SYSMIPS_SRC)/regdef.h \
        $(SYSMIPS_SRC)/link64.ld | $(BUILD)/.deps-test
	@mkdir -p $$(dir $$@)
	$$(SYSMIPS64_CC_$(2)) $$(SYSMIPS64_CFLAGS) -T $(SYSMIPS_SRC)/link64.ld \
	    -o $$@ $$<
endef
$(foreach t,$(SYSMIPS64_TESTS),$(foreach e,eb el,$(eval $(call sysmips64_elf,$(t),$(e)))))

CHECK_TARGETS += check-system-mips
.PHONY: check-system-mips
check-system-mips: $(SYSMIPS_ELFS) $(SYSMIPS_BIOS) $(SYSMIPS64_ELFS) $(BUILD)/kemu \
                   $(SYSMIPS_KEMU_eb) $(SYSMIPS_KEMU_el) \
                   $(SYSMIPS64_KEMU_eb) $(SYSMIPS64_KEMU_el)
	@mkdir -p $(TEST_RESULTS)
	@rm -f $(TEST_RESULTS)/check-system-mips.txt
	@status=0; res=$(TEST_RESULTS)/check-system-mips.txt; \
	for eng in codegen interp; do \
	if [ $$eng = codegen ]; then sfx=; else sfx=-$$eng; fi; \
	for e in eb el; do \
	    if [ $$e = eb ]; then k=$(SYSMIPS_KEMU_eb); else k=$(SYSMIPS_KEMU_el); fi; \
	    for t in $(SYSMIPS_TESTS); do \
	        $(SYSMIPS_SRC)/run.sh $$k malta-$$t-$$e$$sfx $$res $(SYSMIPS_SRC)/$$t.expect \
	            -engine $$eng -kernel $(SYSMIPS_OUT)/$$t-$$e.elf || status=1; \
	    done; \
	    for r in bios softreset; do \
	        $(SYSMIPS_SRC)/run.sh $$k malta-$$r-$$e$$sfx $$res $(SYSMIPS_SRC)/$$r.expect \
	            -engine $$eng -bios $(SYSMIPS_OUT)/$$r-$$e.bin || status=1; \
	    done; \
	    if [ $$eng = codegen ]; then \
	    $(SYSMIPS_SRC)/repeat.sh 40 $$k malta-exit-flush-$$e $$res \
	        $(SYSMIPS_SRC)/bios.expect -bios $(SYSMIPS_OUT)/bios-$$e.bin || status=1; \
	    fi; \
	    if [ $$e = eb ]; then k=$(SYSMIPS64_KEMU_eb); else k=$(SYSMIPS64_KEMU_el); fi; \
	    for t in $(SYSMIPS64_TESTS); do \
	        $(SYSMIPS_SRC)/run.sh $$k malta64-$$t-$$e$$sfx $$res $(SYSMIPS_SRC)/$$t.expect \
	            -engine $$eng -kernel $(SYSMIPS_OUT)/$$t-$$e.elf || status=1; \
	    done; \
	done; \
	KEMU_BUILD=$(abspath $(BUILD)) KEMU_RESULTS=$(abspath $$res) KEMU_ENGINE=$$eng \
	    $(PYTEST) -q -p no:cacheprovider tests/system/py || status=1; \
	done; \
	echo "system mips (malta): $$(grep -c '^PASS' $$res) passed, $$(grep -c '^FAIL' $$res) failed"; \
	exit $$status

# Debian's mipsel Malta kernel boots to the root mount without an
# initrd (about a minute: the interpreter decompresses the kernel) and
# to a busybox shell with one.
CHECK_TARGETS += check-linux-malta
.PHONY: check-linux-malta
check-linux-malta: $(BUILD)/kemu $(SYSMIPS_KEMU_el) | $(BUILD)/.deps-test
	@mkdir -p $(TEST_RESULTS)
	@rm -f $(TEST_RESULTS)/check-linux-malta.txt
	tests/system/linux-malta.sh $(TEST_RESULTS)/check-linux-malta.txt

# The same for Debian's 64-bit Malta kernel (5kc-malta) on
# kemu-system-mips64el -cpu 5KEc.
CHECK_TARGETS += check-linux-malta64
.PHONY: check-linux-malta64
check-linux-malta64: $(BUILD)/kemu $(BUILD)/kemu-system-mips64el | $(BUILD)/.deps-test
	@mkdir -p $(TEST_RESULTS)
	@rm -f $(TEST_RESULTS)/check-linux-malta64.txt
	tests/system/linux-malta.sh $(TEST_RESULTS)/check-linux-malta64.txt mips64el
