/*
 * ctype.c - <ctype.h> for ASCII.  Arguments are EOF or an unsigned char
 * value; values outside 0..0x7f are in no class and map to themselves.
 */
#include <ctype.h>

#define ASCII_MAX	0x7f
#define DEL		0x7f
#define CASE_BIT	0x20	/* 'a' - 'A' */

int isascii(int c)
{
	return (unsigned int)c <= ASCII_MAX;
}

int isdigit(int c)
{
	return c >= '0' && c <= '9';
}

int islower(int c)
{
	return c >= 'a' && c <= 'z';
}

int isupper(int c)
{
	return c >= 'A' && c <= 'Z';
}

int isalpha(int c)
{
	return islower(c) || isupper(c);
}

int isalnum(int c)
{
	return isalpha(c) || isdigit(c);
}

int isxdigit(int c)
{
	return isdigit(c) || ((c | CASE_BIT) >= 'a' && (c | CASE_BIT) <= 'f');
}

int isblank(int c)
{
	return c == ' ' || c == '\t';
}

/* space, \t, \n, \v, \f, \r */
int isspace(int c)
{
	return c == ' ' || (c >= '\t' && c <= '\r');
}

int iscntrl(int c)
{
	return (c >= 0 && c < ' ') || c == DEL;
}

int isprint(int c)
{
	return c >= ' ' && c < DEL;
}

int isgraph(int c)
{
	return c > ' ' && c < DEL;
}

int ispunct(int c)
{
	return isgraph(c) && !isalnum(c);
}

int tolower(int c)
{
	return isupper(c) ? c | CASE_BIT : c;
}

int toupper(int c)
{
	return islower(c) ? c & ~CASE_BIT : c;
}

int toascii(int c)
{
	return c & ASCII_MAX;
}
