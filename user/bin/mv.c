/*
 * mv.c - move (rename) files.
 *
 *   mv SOURCE DEST          SOURCE gets the name DEST
 *   mv SOURCE... DIR        each SOURCE moves into the directory DIR
 *
 * Only within one file system: a move is a single rename() there.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include "movecopy.h"

static int move(const char *from, const char *to)
{
	if (rename(from, to) < 0) {
		fprintf(stderr, "mv: %s -> %s: %s\n", from, to, strerror(errno));
		return -1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	return each_source(argc, argv, "mv", move);
}
