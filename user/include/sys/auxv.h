/*
 * sys/auxv.h - the auxiliary vector exec gives a program (the AT_* types
 * are the kernel's, uapi/auxvec.h): getauxval(type) is the value of that
 * entry, or 0 with errno ENOENT when the vector has none.
 */
#ifndef _SYS_AUXV_H
#define _SYS_AUXV_H

#include <uapi/auxvec.h>

unsigned long getauxval(unsigned long type);

#endif
