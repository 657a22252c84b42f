/*
 * stdio_file.c - FILE streams: the standard streams, opening and closing,
 * buffering (setvbuf, fflush), positioning (fseek, ftell) and the buffer
 * state changes the I/O functions rely on.  See stdio_impl.h for the
 * buffer states.
 *
 * Every open stream is on the open_files list, which fflush(NULL) (and so
 * exit()) walks.  Before input is read from a stream that is not fully
 * buffered, every line-buffered output stream is flushed, so a prompt
 * printed without a newline shows before the program waits for input.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "stdio_impl.h"

#define FILE_MODE	0666	/* new files, before the umask */

static unsigned char stdin_buf[BUFSIZ];
static unsigned char stdout_buf[BUFSIZ];

static struct __file std_files[3] = {
	{
		.fd = STDIN_FILENO, .flags = F_READ, .bufmode = BUF_AUTO,
		.buf = stdin_buf, .size = BUFSIZ, .ungot = EOF,
		.next = &std_files[1],
	}, {
		.fd = STDOUT_FILENO, .flags = F_WRITE, .bufmode = BUF_AUTO,
		.buf = stdout_buf, .size = BUFSIZ, .ungot = EOF,
		.next = &std_files[2],
	}, {
		.fd = STDERR_FILENO, .flags = F_WRITE, .bufmode = _IONBF,
		.ungot = EOF,
	},
};

FILE *stdin = &std_files[0];
FILE *stdout = &std_files[1];
FILE *stderr = &std_files[2];

static FILE *open_files = &std_files[0];

/* Decide the buffering mode if still open, and get a buffer. */
static void setup_buffer(FILE *f)
{
	int saved_errno = errno;	/* isatty's ENOTTY is no error here */
	size_t size;

	if (f->bufmode == BUF_AUTO)
		f->bufmode = isatty(f->fd) ? _IOLBF : _IOFBF;
	errno = saved_errno;
	if (f->buf)
		return;
	if (f->bufmode != _IONBF) {
		size = f->size ? f->size : BUFSIZ;
		f->buf = malloc(size);
		if (f->buf) {
			f->size = size;
			f->flags |= F_OWNBUF;
			return;
		}
		f->bufmode = _IONBF;
	}
	f->buf = &f->onebyte;
	f->size = 1;
}

/* Input read ahead (and pushed back) that the program has not consumed. */
static size_t unread_bytes(const FILE *f)
{
	size_t n = f->ungot != EOF;

	if (f->flags & F_READING)
		n += f->len - f->pos;
	return n;
}

static void discard_input(FILE *f)
{
	f->pos = f->len = 0;
	f->ungot = EOF;
	f->flags &= ~F_READING;
}

/*
 * Drop unconsumed input and move the fd offset back over it, so the
 * offset is where the program's reading got to (impossible on pipes and
 * terminals, where the input is just dropped).
 */
static void drop_input(FILE *f)
{
	size_t unread = unread_bytes(f);
	int saved_errno = errno;

	if (unread && lseek(f->fd, -(off_t)unread, SEEK_CUR) < 0)
		errno = saved_errno;
	discard_input(f);
}

int __stdio_to_writing(FILE *f)
{
	if (f->flags & F_WRITING)
		return 0;
	if (!(f->flags & F_WRITE)) {
		f->flags |= F_ERR;
		errno = EBADF;
		return EOF;
	}
	if ((f->flags & F_READING) || f->ungot != EOF)
		drop_input(f);
	setup_buffer(f);
	f->pos = 0;
	f->flags |= F_WRITING;
	return 0;
}

int __stdio_to_reading(FILE *f)
{
	if (f->flags & F_READING)
		return 0;
	if (!(f->flags & F_READ)) {
		f->flags |= F_ERR;
		errno = EBADF;
		return EOF;
	}
	if ((f->flags & F_WRITING) && fflush(f))
		return EOF;
	setup_buffer(f);
	f->pos = f->len = 0;
	f->flags |= F_READING;
	return 0;
}

/* write() all n bytes, retrying after short writes; returns bytes done. */
static size_t write_all(FILE *f, const unsigned char *p, size_t n)
{
	size_t done = 0;
	ssize_t w;

	while (done < n) {
		w = write(f->fd, p + done, n - done);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			f->flags |= F_ERR;
			break;
		}
		done += w;
	}
	return done;
}

int __stdio_flush_write(FILE *f)
{
	size_t n = f->pos;

	f->pos = 0;
	return write_all(f, f->buf, n) == n ? 0 : EOF;
}

size_t __stdio_write(FILE *f, const void *data, size_t n)
{
	const unsigned char *s = data;
	size_t done = 0, pending = 0, chunk;

	if (__stdio_to_writing(f))
		return 0;
	while (done < n) {
		if (f->pos == 0 && n - done >= f->size) {
			/* At least a bufferful and nothing buffered: no copy. */
			chunk = write_all(f, s + done, n - done);
			done += chunk;
			if (f->flags & F_ERR)
				return done;
			continue;
		}
		chunk = n - done;
		if (chunk > f->size - f->pos)
			chunk = f->size - f->pos;
		memcpy(f->buf + f->pos, s + done, chunk);
		f->pos += chunk;
		done += chunk;
		pending += chunk;
		if (f->pos == f->size) {
			if (__stdio_flush_write(f))
				return done - pending;
			pending = 0;
		}
	}
	if (f->bufmode == _IOLBF && f->pos && memchr(s, '\n', n) &&
	    __stdio_flush_write(f))
		return done - pending;
	return done;
}

/* Flush line-buffered output before blocking for input on f. */
static void flush_line_buffered(const FILE *f)
{
	FILE *g;

	if (f->bufmode == _IOFBF)
		return;
	for (g = open_files; g; g = g->next)
		if (g->bufmode == _IOLBF && (g->flags & F_WRITING) && g->pos)
			__stdio_flush_write(g);
}

size_t __stdio_read(FILE *f, void *dst, size_t n)
{
	ssize_t r;

	flush_line_buffered(f);
	do {
		r = read(f->fd, dst, n);
	} while (r < 0 && errno == EINTR);
	if (r <= 0) {
		f->flags |= r == 0 ? F_EOF : F_ERR;
		return 0;
	}
	return r;
}

int __stdio_refill(FILE *f)
{
	size_t n;

	if (f->flags & F_EOF)
		return EOF;
	n = __stdio_read(f, f->buf, f->size);
	f->pos = 0;
	f->len = n;
	return n ? 0 : EOF;
}

/*
 * Mode string to open() flags and stream flags: r, w or a, then any of
 * '+' (read and write), 'b' (ignored), 'x' (O_EXCL), 'e' (O_CLOEXEC).
 */
static int parse_mode(const char *mode, int *oflags, unsigned int *sflags)
{
	switch (*mode) {
	case 'r':
		*oflags = O_RDONLY;
		*sflags = F_READ;
		break;
	case 'w':
		*oflags = O_WRONLY | O_CREAT | O_TRUNC;
		*sflags = F_WRITE;
		break;
	case 'a':
		*oflags = O_WRONLY | O_CREAT | O_APPEND;
		*sflags = F_WRITE;
		break;
	default:
		errno = EINVAL;
		return -1;
	}
	while (*++mode) {
		if (*mode == '+') {
			*oflags = (*oflags & ~O_ACCMODE) | O_RDWR;
			*sflags = F_READ | F_WRITE;
		} else if (*mode == 'x') {
			*oflags |= O_EXCL;
		} else if (*mode == 'e') {
			*oflags |= O_CLOEXEC;
		}
	}
	return 0;
}

static FILE *new_stream(int fd, unsigned int sflags)
{
	FILE *f = calloc(1, sizeof(*f));

	if (!f)
		return NULL;
	f->fd = fd;
	f->flags = sflags | F_OWNFILE;
	f->bufmode = BUF_AUTO;
	f->ungot = EOF;
	f->next = open_files;
	open_files = f;
	return f;
}

FILE *fopen(const char *restrict path, const char *restrict mode)
{
	unsigned int sflags;
	int oflags, fd;
	FILE *f;

	if (parse_mode(mode, &oflags, &sflags) < 0)
		return NULL;
	fd = open(path, oflags, FILE_MODE);
	if (fd < 0)
		return NULL;
	f = new_stream(fd, sflags);
	if (!f)
		close(fd);
	return f;
}

FILE *fdopen(int fd, const char *mode)
{
	unsigned int sflags;
	int oflags;

	if (parse_mode(mode, &oflags, &sflags) < 0)
		return NULL;
	return new_stream(fd, sflags);
}

static void unlink_stream(FILE *f)
{
	FILE **p;

	for (p = &open_files; *p; p = &(*p)->next) {
		if (*p == f) {
			*p = f->next;
			return;
		}
	}
}

int fclose(FILE *f)
{
	int ret = fflush(f);

	if (f->fd >= 0 && close(f->fd) < 0)
		ret = EOF;
	unlink_stream(f);
	if (f->flags & F_OWNBUF)
		free(f->buf);
	if (f->flags & F_OWNFILE) {
		free(f);
	} else {
		f->fd = -1;
		f->flags = 0;
	}
	return ret;
}

/* On failure the original stream is closed, as the standard says. */
FILE *freopen(const char *restrict path, const char *restrict mode,
	      FILE *restrict f)
{
	unsigned int sflags;
	int oflags, fd;

	fflush(f);
	if (f->fd >= 0)
		close(f->fd);
	f->fd = -1;
	if (!path) {
		errno = EBADF;
		goto fail;
	}
	if (parse_mode(mode, &oflags, &sflags) < 0)
		goto fail;
	fd = open(path, oflags, FILE_MODE);
	if (fd < 0)
		goto fail;
	f->fd = fd;
	f->flags = sflags | (f->flags & (F_OWNBUF | F_OWNFILE));
	discard_input(f);
	f->pos = 0;
	if (f->bufmode != _IONBF)
		f->bufmode = BUF_AUTO;
	return f;
fail:
	fclose(f);
	return NULL;
}

/* fflush(NULL) flushes every output stream; input streams are left. */
int fflush(FILE *f)
{
	int ret = 0;

	if (!f) {
		for (f = open_files; f; f = f->next)
			if ((f->flags & F_WRITING) && fflush(f))
				ret = EOF;
		return ret;
	}
	if (f->flags & F_WRITING) {
		ret = __stdio_flush_write(f);
		f->flags &= ~F_WRITING;
	} else if ((f->flags & F_READING) || f->ungot != EOF) {
		drop_input(f);
	}
	return ret;
}

int setvbuf(FILE *restrict f, char *restrict buf, int mode, size_t size)
{
	if (mode != _IOFBF && mode != _IOLBF && mode != _IONBF) {
		errno = EINVAL;
		return -1;
	}
	fflush(f);
	if (f->flags & F_OWNBUF)
		free(f->buf);
	f->flags &= ~F_OWNBUF;
	f->bufmode = mode;
	if (mode == _IONBF) {
		f->buf = &f->onebyte;
		f->size = 1;
	} else if (buf && size) {
		f->buf = (unsigned char *)buf;
		f->size = size;
	} else {
		f->buf = NULL;		/* setup_buffer() allocates it */
		f->size = size;
	}
	return 0;
}

void setbuf(FILE *restrict f, char *restrict buf)
{
	setvbuf(f, buf, buf ? _IOFBF : _IONBF, BUFSIZ);
}

int fileno(FILE *f)
{
	if (f->fd < 0)
		errno = EBADF;
	return f->fd;
}

int feof(FILE *f)
{
	return !!(f->flags & F_EOF);
}

int ferror(FILE *f)
{
	return !!(f->flags & F_ERR);
}

void clearerr(FILE *f)
{
	f->flags &= ~(F_EOF | F_ERR);
}

int fseeko(FILE *f, off_t offset, int whence)
{
	if (f->flags & F_WRITING) {
		if (__stdio_flush_write(f))
			return -1;
		f->flags &= ~F_WRITING;
	}
	if (whence == SEEK_CUR)
		offset -= (off_t)unread_bytes(f);
	discard_input(f);
	if (lseek(f->fd, offset, whence) < 0)
		return -1;
	f->flags &= ~F_EOF;
	return 0;
}

int fseek(FILE *f, long offset, int whence)
{
	return fseeko(f, offset, whence);
}

off_t ftello(FILE *f)
{
	off_t pos = lseek(f->fd, 0, SEEK_CUR);

	if (pos < 0)
		return -1;
	if (f->flags & F_WRITING)
		return pos + (off_t)f->pos;
	return pos - (off_t)unread_bytes(f);
}

long ftell(FILE *f)
{
	return ftello(f);
}

void rewind(FILE *f)
{
	fseeko(f, 0, SEEK_SET);
	clearerr(f);
}

int fgetpos(FILE *restrict f, fpos_t *restrict pos)
{
	off_t p = ftello(f);

	if (p < 0)
		return -1;
	*pos = p;
	return 0;
}

int fsetpos(FILE *f, const fpos_t *pos)
{
	return fseeko(f, *pos, SEEK_SET);
}
