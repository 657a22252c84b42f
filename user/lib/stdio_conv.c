/*
 * stdio_conv.c - the parts of a conversion specification that printf
 * and scanf read alike: the length modifier, and the store of an integer
 * of the type it names (printf's %n, scanf's integer conversions).
 */
#include <stddef.h>
#include <stdint.h>
#include "stdio_impl.h"

const char *__stdio_parse_length(const char *fmt, enum length *len)
{
	*len = LEN_NONE;
	switch (*fmt) {
	case 'h':
		*len = fmt[1] == 'h' ? LEN_HH : LEN_H;
		return fmt + (fmt[1] == 'h' ? 2 : 1);
	case 'l':
		*len = fmt[1] == 'l' ? LEN_LL : LEN_L;
		return fmt + (fmt[1] == 'l' ? 2 : 1);
	case 'q':
		*len = LEN_LL;
		return fmt + 1;
	case 'j':
		*len = LEN_J;
		return fmt + 1;
	case 'z':
		*len = LEN_Z;
		return fmt + 1;
	case 't':
		*len = LEN_T;
		return fmt + 1;
	case 'L':
		*len = LEN_LD;
		return fmt + 1;
	default:
		return fmt;
	}
}

void __stdio_store_int(void *p, enum length len, long long v)
{
	switch (len) {
	case LEN_HH:
		*(signed char *)p = (signed char)v;
		break;
	case LEN_H:
		*(short *)p = (short)v;
		break;
	case LEN_L:
		*(long *)p = (long)v;
		break;
	case LEN_LL:
	case LEN_LD:
		*(long long *)p = v;
		break;
	case LEN_J:
		*(intmax_t *)p = v;
		break;
	case LEN_Z:
		*(size_t *)p = (size_t)v;
		break;
	case LEN_T:
		*(ptrdiff_t *)p = (ptrdiff_t)v;
		break;
	default:
		*(int *)p = (int)v;
		break;
	}
}
