/*
 * stdio_io.c - byte, line and block I/O on FILE streams: fgetc, ungetc,
 * fgets, getline, fread, fputc, fputs, puts, fwrite and their variants.
 *
 * fgetc and fputc work straight on the buffer when they can; everything
 * else goes through the helpers in stdio_file.c.  End of file is sticky:
 * once F_EOF is set, reads return EOF until clearerr(), fseek() or
 * ungetc().
 */
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "stdio_impl.h"

#define LINE_MIN_CAP	128	/* first buffer getline allocates */

int fgetc(FILE *f)
{
	int c;

	if (f->ungot != EOF) {
		c = f->ungot;
		f->ungot = EOF;
		return c;
	}
	if ((f->flags & F_READING) && f->pos < f->len)
		return f->buf[f->pos++];
	if (__stdio_to_reading(f) || __stdio_refill(f))
		return EOF;
	return f->buf[f->pos++];
}

int getc(FILE *f)
{
	return fgetc(f);
}

int getchar(void)
{
	return fgetc(stdin);
}

/* Pushed back into the buffer when possible, else into f->ungot. */
int ungetc(int c, FILE *f)
{
	if (c == EOF || !(f->flags & F_READ))
		return EOF;
	if (f->ungot == EOF && (f->flags & F_READING) && f->pos > 0)
		f->buf[--f->pos] = (unsigned char)c;
	else if (f->ungot == EOF)
		f->ungot = (unsigned char)c;
	else
		return EOF;
	f->flags &= ~F_EOF;
	return (unsigned char)c;
}

size_t fread(void *restrict ptr, size_t size, size_t nmemb,
	     FILE *restrict f)
{
	unsigned char *d = ptr;
	size_t total, done = 0, chunk;

	if (__builtin_mul_overflow(size, nmemb, &total) || total == 0)
		return 0;
	if (f->ungot != EOF) {
		d[done++] = (unsigned char)f->ungot;
		f->ungot = EOF;
	}
	if (__stdio_to_reading(f))
		return done / size;
	while (done < total) {
		if (f->pos < f->len) {
			chunk = total - done;
			if (chunk > f->len - f->pos)
				chunk = f->len - f->pos;
			memcpy(d + done, f->buf + f->pos, chunk);
			f->pos += chunk;
			done += chunk;
		} else if (f->flags & F_EOF) {
			break;
		} else if (total - done >= f->size) {
			/* A bufferful or more: read straight into place. */
			chunk = __stdio_read(f, d + done, total - done);
			if (!chunk)
				break;
			done += chunk;
		} else if (__stdio_refill(f)) {
			break;
		}
	}
	return done / size;
}

/* NULL at end of file with nothing read, or on a read error. */
char *fgets(char *restrict s, int size, FILE *restrict f)
{
	int i = 0, c = 0;

	if (size <= 0)
		return NULL;
	while (i < size - 1) {
		c = fgetc(f);
		if (c == EOF)
			break;
		s[i++] = (char)c;
		if (c == '\n')
			break;
	}
	if (c == EOF && (i == 0 || ferror(f)))
		return NULL;
	s[i] = '\0';
	return s;
}

/*
 * Read up to and including delim into *line (grown with realloc as
 * needed, *cap its size).  Returns the length, or -1 at end of file.
 */
ssize_t getdelim(char **restrict line, size_t *restrict cap, int delim,
		 FILE *restrict f)
{
	size_t n = 0, newcap;
	char *grown;
	int c;

	if (!line || !cap) {
		errno = EINVAL;
		return -1;
	}
	if (!*line)
		*cap = 0;
	for (;;) {
		c = fgetc(f);
		if (c == EOF)
			break;
		if (n + 2 > *cap) {
			newcap = *cap < LINE_MIN_CAP ? LINE_MIN_CAP : 2 * *cap;
			grown = realloc(*line, newcap);
			if (!grown) {
				f->flags |= F_ERR;
				return -1;
			}
			*line = grown;
			*cap = newcap;
		}
		(*line)[n++] = (char)c;
		if (c == delim)
			break;
	}
	if (n == 0 || n > SSIZE_MAX)
		return -1;
	(*line)[n] = '\0';
	return (ssize_t)n;
}

ssize_t getline(char **restrict line, size_t *restrict cap, FILE *restrict f)
{
	return getdelim(line, cap, '\n', f);
}

int fputc(int c, FILE *f)
{
	unsigned char ch = (unsigned char)c;

	/* Fast path: room to spare and no flush due. */
	if ((f->flags & F_WRITING) && f->pos + 1 < f->size &&
	    !(ch == '\n' && f->bufmode == _IOLBF)) {
		f->buf[f->pos++] = ch;
		return ch;
	}
	return __stdio_write(f, &ch, 1) == 1 ? ch : EOF;
}

int putc(int c, FILE *f)
{
	return fputc(c, f);
}

int putchar(int c)
{
	return fputc(c, stdout);
}

size_t fwrite(const void *restrict ptr, size_t size, size_t nmemb,
	      FILE *restrict f)
{
	size_t total;

	if (__builtin_mul_overflow(size, nmemb, &total) || total == 0)
		return 0;
	return __stdio_write(f, ptr, total) / size;
}

int fputs(const char *restrict s, FILE *restrict f)
{
	size_t n = strlen(s);

	return __stdio_write(f, s, n) == n ? 0 : EOF;
}

int puts(const char *s)
{
	if (fputs(s, stdout) == EOF || fputc('\n', stdout) == EOF)
		return EOF;
	return 0;
}
