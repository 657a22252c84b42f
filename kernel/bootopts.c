/*
 * bootopts.c - the boot command line: options, then "--" and a command.
 * See bootopts.h for the options.
 */
#include "kernel/bootopts.h"
#include "kernel/console.h"
#include "kernel/string.h"

bool boot_selftest;
bool boot_kstack_overflow;
bool boot_automated;
char boot_command[CMDLINE_MAX];

static bool word_is(const char *w, size_t len, const char *opt)
{
	return strlen(opt) == len && !strncmp(w, opt, len);
}

void bootopts_parse(const char *cmdline)
{
	const char *p = cmdline;

	while (*p) {
		const char *w;
		size_t len;

		while (*p == ' ')
			p++;
		w = p;
		while (*p && *p != ' ')
			p++;
		len = (size_t)(p - w);
		if (word_is(w, len, "--")) {
			while (*p == ' ')
				p++;
			strlcpy(boot_command, p, sizeof(boot_command));
			boot_automated = true;
			return;
		}
		if (word_is(w, len, "quiet"))
			console_quiet = true;
		else if (word_is(w, len, "selftest"))
			boot_selftest = boot_automated = true;
		else if (word_is(w, len, "kstack_overflow"))
			boot_kstack_overflow = true;
	}
}
