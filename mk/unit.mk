# Engine unit tests (suite check-unit): a test target and IR programs run
# through the real engine objects.
UNIT_SRCS := $(wildcard tests/unit/*.c)
UNIT_BIN  := $(BUILD)/tests/unit/engine-tests
UNIT_LIBOBJS := $(filter $(BUILD)/obj/src/engine/% $(BUILD)/obj/src/util/%,$(OBJS))

$(UNIT_BIN): $(UNIT_SRCS) tests/unit/unit.h $(UNIT_LIBOBJS)
	@mkdir -p $(dir $@)
	$(CC) $(filter-out -MMD -MP,$(CFLAGS)) -Itests/unit -o $@ $(UNIT_SRCS) \
	    $(UNIT_LIBOBJS) $(LDFLAGS) -lm

.PHONY: check-unit
check-unit: $(UNIT_BIN)
	@mkdir -p $(TEST_RESULTS)
	@rm -f $(TEST_RESULTS)/unit.txt
	$(UNIT_BIN) $(TEST_RESULTS)/unit.txt

CHECK_TARGETS += check-unit
