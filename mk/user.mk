# Linux user mode: unit tests of its pieces that run without a guest.
USER_TEST_BIN := $(BUILD)/tests/user

$(USER_TEST_BIN)/test_options: tests/user/test_options.c src/user/options.c \
		src/util/log.c src/util/error.c | $(BUILD)/.deps-build
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -o $@ $^

.PHONY: check-user-unit
CHECK_TARGETS += check-user-unit
check-user-unit: $(USER_TEST_BIN)/test_options
	@mkdir -p $(TEST_RESULTS)
	@rm -f $(TEST_RESULTS)/user-unit.txt
	$(USER_TEST_BIN)/test_options $(TEST_RESULTS)/user-unit.txt
