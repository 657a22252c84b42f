/*
 * vga.c - the VGA text console: 80x25 cells of (character, colour) at
 * physical 0xB8000, a hardware cursor, scrolling, and the few ANSI escape
 * sequences programs use (colours ESC[..m, clear ESC[2J, home ESC[H,
 * erase to end of line ESC[K, reverse video ESC[7m).
 *
 * Scrollback, as Linux's VGA console has: each line that scrolls off the
 * top goes into `history`, a ring of the last SCROLLBACK_LINES lines.
 * Output is written to `live`, the screen as it is, and copied to the
 * VGA memory only while the view is at the bottom (back == 0).
 * vga_scrollback() (Shift-PageUp/PageDown, from kernel/keyboard.c) moves
 * the view `back` lines into the history, hiding the cursor; new output
 * brings the view back to the bottom first.  Invariants: 0 <= back <=
 * kept <= SCROLLBACK_LINES; history line i (0 = oldest kept) is at
 * history[(first + i) % SCROLLBACK_LINES].
 *
 * Called with interrupts disabled, like all kernel code.
 */
#include "kernel/vga.h"
#include "kernel/string.h"
#include "kernel/x86.h"
#include "mm/memlayout.h"

#define VGA_COLS	80
#define VGA_ROWS	25
#define VGA_PHYS	0xb8000
#define CRTC_INDEX	0x3d4
#define CRTC_DATA	0x3d5
#define CRTC_CURSOR_HI	0x0e
#define CRTC_CURSOR_LO	0x0f
#define TAB_WIDTH	8
#define ANSI_MAX_PARAMS	4
#define SCROLLBACK_LINES 500
#define CURSOR_HIDDEN	(VGA_ROWS * VGA_COLS)	/* a position off the screen */

enum { ST_NORMAL, ST_ESC, ST_CSI };

static u16 *const vga_mem = (u16 *)P2V(VGA_PHYS);
static u16 screen[VGA_ROWS * VGA_COLS];		/* the live screen */
static u16 history[SCROLLBACK_LINES][VGA_COLS];
static int first, kept;				/* the history ring */
static int back;				/* lines the view is scrolled back */
static int row, col;
static u8 attr = VGA_DEFAULT_ATTR;
static int state = ST_NORMAL;
static int params[ANSI_MAX_PARAMS], nparams;

/* ANSI colour order (black red green yellow blue magenta cyan white) to
 * VGA palette order. */
static const u8 ansi_to_vga[8] = { 0, 4, 2, 6, 1, 5, 3, 7 };

static void move_cursor(void)
{
	u16 pos = (u16)(back ? CURSOR_HIDDEN : row * VGA_COLS + col);

	outb(CRTC_INDEX, CRTC_CURSOR_HI);
	outb(CRTC_DATA, pos >> 8);
	outb(CRTC_INDEX, CRTC_CURSOR_LO);
	outb(CRTC_DATA, pos & 0xff);
}

/* Copy the view - history lines, then the live screen - to the VGA. */
static void redraw(void)
{
	for (int r = 0; r < VGA_ROWS; r++) {
		int line = kept - back + r;	/* in history, then live */
		const u16 *src = line < kept ?
			history[(first + line) % SCROLLBACK_LINES] :
			&screen[(line - kept) * VGA_COLS];

		memcpy(&vga_mem[r * VGA_COLS], src, VGA_COLS * sizeof(u16));
	}
	move_cursor();
}

/* Cells from..to-1 of the live screen changed. */
static void show_cells(int from, int to)
{
	if (!back)
		memcpy(&vga_mem[from], &screen[from], (size_t)(to - from) * sizeof(u16));
}

static void clear_cells(int from, int to)
{
	for (int i = from; i < to; i++)
		screen[i] = (u16)(attr << 8 | ' ');
	show_cells(from, to);
}

/* The top line goes into the history, the rest moves up one. */
static void scroll(void)
{
	int slot = (first + kept) % SCROLLBACK_LINES;

	if (kept == SCROLLBACK_LINES)
		first = (first + 1) % SCROLLBACK_LINES;
	else
		kept++;
	memcpy(history[slot], screen, sizeof(history[slot]));
	memmove(screen, screen + VGA_COLS, (VGA_ROWS - 1) * VGA_COLS * 2);
	clear_cells((VGA_ROWS - 1) * VGA_COLS, VGA_ROWS * VGA_COLS);
	row = VGA_ROWS - 1;
	show_cells(0, VGA_ROWS * VGA_COLS);
}

void vga_scrollback(int lines)
{
	int want = back + lines;

	back = want < 0 ? 0 : want > kept ? kept : want;
	redraw();
}

void vga_set_attr(u8 a)
{
	attr = a;
}

void vga_clear(void)
{
	back = 0;
	clear_cells(0, VGA_ROWS * VGA_COLS);
	row = col = 0;
	move_cursor();
}

static void sgr(int p)
{
	if (p == 0)
		attr = VGA_DEFAULT_ATTR;
	else if (p == 1)
		attr |= 0x08;			/* bright foreground */
	else if (p == 7)			/* reverse video: swap the colours */
		attr = (u8)((attr & 0x88) | (attr & 0x07) << 4 | (attr & 0x70) >> 4);
	else if (p >= 30 && p <= 37)
		attr = (attr & 0xf8) | ansi_to_vga[p - 30];
	else if (p >= 40 && p <= 47)
		attr = (u8)((attr & 0x8f) | ansi_to_vga[p - 40] << 4);
}

static void csi_final(char c)
{
	int p0 = nparams ? params[0] : 0;

	switch (c) {
	case 'm':
		if (!nparams)
			sgr(0);
		for (int i = 0; i < nparams; i++)
			sgr(params[i]);
		break;
	case 'J':
		if (p0 == 2)
			vga_clear();
		break;
	case 'H':
		row = col = 0;
		break;
	case 'K':
		clear_cells(row * VGA_COLS + col, (row + 1) * VGA_COLS);
		break;
	}
}

/* Returns true while c was part of an escape sequence. */
static bool ansi_step(char c)
{
	switch (state) {
	case ST_ESC:
		state = c == '[' ? ST_CSI : ST_NORMAL;
		nparams = 0;
		params[0] = 0;
		return true;
	case ST_CSI:
		if (c >= '0' && c <= '9') {
			if (!nparams)
				nparams = 1;
			params[nparams - 1] = params[nparams - 1] * 10 + (c - '0');
		} else if (c == ';') {
			if (nparams < ANSI_MAX_PARAMS)
				params[nparams++] = 0;
		} else {
			csi_final(c);
			state = ST_NORMAL;
		}
		return true;
	}
	if (c == '\033') {
		state = ST_ESC;
		return true;
	}
	return false;
}

void vga_putc(char c)
{
	if (back)
		vga_scrollback(-back);		/* output: back to the bottom */
	if (ansi_step(c))
		return;
	switch (c) {
	case '\n':
		col = 0;
		row++;
		break;
	case '\r':
		col = 0;
		break;
	case '\b':
		if (col > 0)
			col--;
		break;
	case '\t':
		col = ALIGN_UP(col + 1, TAB_WIDTH);
		break;
	default:
		screen[row * VGA_COLS + col] = (u16)(attr << 8 | (u8)c);
		show_cells(row * VGA_COLS + col, row * VGA_COLS + col + 1);
		col++;
	}
	if (col >= VGA_COLS) {
		col = 0;
		row++;
	}
	if (row >= VGA_ROWS)
		scroll();
	move_cursor();
}
