# gdb against Debian's Malta kernel:
#   check-linux-malta-gdb  one boot of linux-image-4kc-malta:mipsel with a
#                          busybox initramfs under gdb-multiarch: software
#                          breakpoint on start_kernel set before
#                          decompression, hardware breakpoint on
#                          kernel_init, info registers, stepi, x/4i through
#                          KSEG0, boot to the shell (42), interrupt, kill.
CHECK_TARGETS += check-linux-malta-gdb
.PHONY: check-linux-malta-gdb
check-linux-malta-gdb: $(BUILD)/kemu $(BUILD)/kemu-system-mipsel | $(BUILD)/.deps-test
	@mkdir -p $(TEST_RESULTS)
	@rm -f $(TEST_RESULTS)/check-linux-malta-gdb.txt
	tests/system/linux-malta-gdb.sh $(TEST_RESULTS)/check-linux-malta-gdb.txt
