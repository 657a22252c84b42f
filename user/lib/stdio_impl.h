/*
 * stdio_impl.h - private: the FILE structure and the helpers shared by
 * the stdio files.
 *
 * A stream's buffer is in one of three states:
 *   idle     (neither F_READING nor F_WRITING): holds nothing;
 *   reading  (F_READING): buf[pos..len) were read from fd and not yet
 *            consumed; the fd offset is just past them;
 *   writing  (F_WRITING): buf[0..pos) still have to be written to fd.
 * A byte pushed back by ungetc() sits in `ungot` (EOF when empty) or, if
 * the stream is reading and pos > 0, back in buf[pos - 1].
 * bufmode is decided at the first I/O when it is BUF_AUTO: line buffered
 * for a terminal, fully buffered otherwise.  An unbuffered stream uses the
 * one-byte `onebyte` as its buffer.
 */
#ifndef _LIBC_STDIO_IMPL_H
#define _LIBC_STDIO_IMPL_H

#include <stdio.h>

#define F_READ		0x01	/* opened for reading */
#define F_WRITE		0x02	/* opened for writing */
#define F_EOF		0x04	/* end-of-file indicator */
#define F_ERR		0x08	/* error indicator */
#define F_READING	0x10	/* buffer holds unread input */
#define F_WRITING	0x20	/* buffer holds unwritten output */
#define F_OWNBUF	0x40	/* buf was malloc'ed here */
#define F_OWNFILE	0x80	/* the FILE itself was malloc'ed */

#define BUF_AUTO	(-1)	/* bufmode not decided yet */

struct __file {
	int fd;
	unsigned int flags;		/* F_* */
	int bufmode;			/* _IOFBF, _IOLBF, _IONBF or BUF_AUTO */
	unsigned char *buf;		/* NULL until the first I/O */
	size_t size;			/* capacity of buf (wanted, if NULL) */
	size_t pos;			/* see the states above */
	size_t len;
	int ungot;			/* pushed-back byte, or EOF */
	unsigned char onebyte;		/* the buffer when unbuffered */
	struct __file *next;		/* all open streams */
};

/* Prepare f for output / input; EOF (and F_ERR/errno) if it cannot. */
int __stdio_to_writing(FILE *f);
int __stdio_to_reading(FILE *f);

/* Write out buf[0..pos); 0 or EOF.  The stream stays in writing state. */
int __stdio_flush_write(FILE *f);

/*
 * read() for f into dst: the bytes read (> 0), or 0 at end of file or on
 * error, which set F_EOF or F_ERR.
 */
size_t __stdio_read(FILE *f, void *dst, size_t n);

/* Refill an empty read buffer; 0, or EOF at end of file or on error. */
int __stdio_refill(FILE *f);

/* Write n bytes through the buffer; returns the bytes accepted. */
size_t __stdio_write(FILE *f, const void *data, size_t n);

/* Length modifiers of printf and scanf conversions (stdio_conv.c). */
enum length { LEN_NONE, LEN_HH, LEN_H, LEN_L, LEN_LL, LEN_J, LEN_Z, LEN_T,
	      LEN_LD };

/* The length modifier at fmt into *len; returns fmt past it. */
const char *__stdio_parse_length(const char *fmt, enum length *len);

/* Store v at p as the integer type len names (%n, scanf's integers). */
void __stdio_store_int(void *p, enum length len, long long v);

#endif
