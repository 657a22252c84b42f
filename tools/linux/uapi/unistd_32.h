/*
 * uapi/unistd_32.h for a Linux build of the tests: the host's own i386
 * system call numbers.
 */
#include <asm/unistd_32.h>
