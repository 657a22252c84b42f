/*
 * clear.c - clear the terminal with ANSI escape sequences: move the
 * cursor to the top left corner, then erase the whole screen.
 */
#include <string.h>
#include <unistd.h>

#define CLEAR_SCREEN	"\033[H\033[2J"

int main(void)
{
	const char *seq = CLEAR_SCREEN;

	return write(STDOUT_FILENO, seq, strlen(seq)) < 0;
}
