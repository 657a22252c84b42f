/*
 * inttypes.h - printf/scanf conversion macros for the <stdint.h> types
 * (i386: 64-bit types are long long, intptr_t and intmax_t as gcc defines
 * them) and the intmax_t functions.
 */
#ifndef _INTTYPES_H
#define _INTTYPES_H

#include <stdint.h>

#define __PRI64		"ll"
#define __PRIPTR	""	/* intptr_t is int */

#define PRId8		"d"
#define PRId16		"d"
#define PRId32		"d"
#define PRId64		__PRI64 "d"
#define PRIi8		"i"
#define PRIi16		"i"
#define PRIi32		"i"
#define PRIi64		__PRI64 "i"
#define PRIu8		"u"
#define PRIu16		"u"
#define PRIu32		"u"
#define PRIu64		__PRI64 "u"
#define PRIo8		"o"
#define PRIo16		"o"
#define PRIo32		"o"
#define PRIo64		__PRI64 "o"
#define PRIx8		"x"
#define PRIx16		"x"
#define PRIx32		"x"
#define PRIx64		__PRI64 "x"
#define PRIX8		"X"
#define PRIX16		"X"
#define PRIX32		"X"
#define PRIX64		__PRI64 "X"

#define PRIdMAX		"jd"
#define PRIiMAX		"ji"
#define PRIuMAX		"ju"
#define PRIoMAX		"jo"
#define PRIxMAX		"jx"
#define PRIXMAX		"jX"
#define PRIdPTR		__PRIPTR "d"
#define PRIiPTR		__PRIPTR "i"
#define PRIuPTR		__PRIPTR "u"
#define PRIoPTR		__PRIPTR "o"
#define PRIxPTR		__PRIPTR "x"
#define PRIXPTR		__PRIPTR "X"

#define SCNd8		"hhd"
#define SCNd16		"hd"
#define SCNd32		"d"
#define SCNd64		__PRI64 "d"
#define SCNi32		"i"
#define SCNi64		__PRI64 "i"
#define SCNu8		"hhu"
#define SCNu16		"hu"
#define SCNu32		"u"
#define SCNu64		__PRI64 "u"
#define SCNx8		"hhx"
#define SCNx16		"hx"
#define SCNx32		"x"
#define SCNx64		__PRI64 "x"
#define SCNdMAX		"jd"
#define SCNuMAX		"ju"
#define SCNxMAX		"jx"

typedef struct {
	intmax_t quot;
	intmax_t rem;
} imaxdiv_t;

intmax_t imaxabs(intmax_t i);
imaxdiv_t imaxdiv(intmax_t num, intmax_t den);
intmax_t strtoimax(const char *restrict s, char **restrict end, int base);
uintmax_t strtoumax(const char *restrict s, char **restrict end, int base);

#endif
