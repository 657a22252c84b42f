/*
 * errno.c - errno, the error number of the last failing call.  Set only
 * on failure; never cleared by the library.
 */
#include <errno.h>

int errno;
