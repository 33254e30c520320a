#include "unit.h"
void test_opt(void) {}
