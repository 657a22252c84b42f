/*
 * keyboard.c - the PS/2 keyboard (IRQ 1, scan code set 1).
 *
 * Each interrupt reads one scan code from port 0x60.  Shift, Ctrl and
 * Caps Lock are tracked; other key presses become bytes for the terminal
 * (Ctrl+letter gives the control character, arrow keys the ANSI
 * sequences ESC [ A..D that a VT100 sends).  Key releases are ignored.
 * Shift-PageUp and Shift-PageDown scroll the VGA console's view through
 * its scrollback (kernel/vga.c) instead; they reach no program.  The
 * "fake shift" codes some keyboards send around extended keys (E0 2A,
 * E0 AA) are ignored, so they do not change the Shift state.
 */
#include "kernel/keyboard.h"
#include "kernel/pic.h"
#include "kernel/trap.h"
#include "kernel/tty.h"
#include "kernel/vga.h"
#include "kernel/x86.h"

#define KBD_DATA	0x60
#define KBD_STATUS	0x64
#define KBD_HAS_DATA	0x01
#define KEY_RELEASE	0x80
#define SC_EXTENDED	0xe0
#define SC_LSHIFT	0x2a
#define SC_RSHIFT	0x36
#define SC_CTRL		0x1d
#define SC_CAPSLOCK	0x3a
#define SC_UP		0x48
#define SC_DOWN		0x50
#define SC_LEFT		0x4b
#define SC_RIGHT	0x4d
#define SC_PAGEUP	0x49
#define SC_PAGEDOWN	0x51

static const char normal_map[128] = {
	0, 27, '1', '2', '3', '4', '5', '6', '7', '8', '9', '0', '-', '=', 0x7f,
	'\t', 'q', 'w', 'e', 'r', 't', 'y', 'u', 'i', 'o', 'p', '[', ']', '\r',
	0, 'a', 's', 'd', 'f', 'g', 'h', 'j', 'k', 'l', ';', '\'', '`',
	0, '\\', 'z', 'x', 'c', 'v', 'b', 'n', 'm', ',', '.', '/', 0,
	'*', 0, ' ',
};

static const char shift_map[128] = {
	0, 27, '!', '@', '#', '$', '%', '^', '&', '*', '(', ')', '_', '+', 0x7f,
	'\t', 'Q', 'W', 'E', 'R', 'T', 'Y', 'U', 'I', 'O', 'P', '{', '}', '\r',
	0, 'A', 'S', 'D', 'F', 'G', 'H', 'J', 'K', 'L', ':', '"', '~',
	0, '|', 'Z', 'X', 'C', 'V', 'B', 'N', 'M', '<', '>', '?', 0,
	'*', 0, ' ',
};

static bool shift, ctrl, capslock, extended;

void keyboard_init(void)
{
	while (inb(KBD_STATUS) & KBD_HAS_DATA)
		inb(KBD_DATA);
	pic_enable(IRQ_KEYBOARD);
}

static void send_arrow(char letter)
{
	tty_input(27);
	tty_input('[');
	tty_input(letter);
}

static void key_press(u8 code, bool ext)
{
	char c;

	if (ext) {
		switch (code) {
		case SC_UP:	send_arrow('A'); break;
		case SC_DOWN:	send_arrow('B'); break;
		case SC_RIGHT:	send_arrow('C'); break;
		case SC_LEFT:	send_arrow('D'); break;
		case SC_PAGEUP:
			if (shift)
				vga_scrollback(VGA_SCROLL_STEP);
			break;
		case SC_PAGEDOWN:
			if (shift)
				vga_scrollback(-VGA_SCROLL_STEP);
			break;
		}
		return;
	}
	c = (shift ? shift_map : normal_map)[code];
	if (capslock && c >= 'a' && c <= 'z')
		c -= 'a' - 'A';
	else if (capslock && c >= 'A' && c <= 'Z')
		c += 'a' - 'A';
	if (ctrl && c >= '@' && c < 0x7f)
		c &= 0x1f;
	if (c)
		tty_input(c);
}

void keyboard_irq(void)
{
	u8 code = inb(KBD_DATA);
	bool release = code & KEY_RELEASE, ext = extended;

	if (code == SC_EXTENDED) {
		extended = true;
		return;
	}
	extended = false;
	code &= (u8)~KEY_RELEASE;
	if (ext && (code == SC_LSHIFT || code == SC_RSHIFT))
		return;				/* a fake shift */
	if (code == SC_LSHIFT || code == SC_RSHIFT)
		shift = !release;
	else if (code == SC_CTRL)
		ctrl = !release;
	else if (code == SC_CAPSLOCK && !release)
		capslock = !capslock;
	else if (!release)
		key_press(code, ext);
}
