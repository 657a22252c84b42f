# Makefile - builds the kernel, the user programs and the bootable ISO.
#
#   make            build/kernel.elf and build/os.iso
#   make run        boot the ISO in QEMU (VGA window if there is a display)
#   make run-nox    boot the ISO headless, serial console on this terminal
#   make test       run every test; ends with "N passed, M failed"
#   make debug      QEMU stopped, waiting for gdb on port $(GDBPORT)
#   make gdb        attach gdb to `make debug` with the kernel's symbols
#   make bench      benchmarks, reported in cycles per operation
#   make linux-check  the user tests built for Linux and run on this host
#
# `make run`, `make test`, `make debug` and `make gdb` first install any
# missing Debian packages through tools/deps.sh.
#
# User programs: every user/bin/NAME.c becomes /bin/NAME, every
# user/tests/NAME.c becomes /test/NAME, every labs/LAB/tests/NAME.c (a lab's
# check program) becomes /lab/NAME, files in user/etc/ go to /etc/.
# EXTRA_PROGS="a.c dir/b.c" adds /bin/a and /bin/b from outside the tree;
# the list is remembered in build/extra-progs until `make EXTRA_PROGS=`.
#
# Course labs (labs/README.md):
#   make lab LAB=NAME DIR=PATH   write lab NAME's starting tree (tools/lab)
#   make grade [LAB=NAME] [HIDDEN=DIR]  grade a lab (tools/grade)
#   make handin                  pack a lab tree's work (tools/handin)
# A lab tree's .lab file names its lab and sets WERROR empty (warnings shown,
# not fatal); `make WERROR=` does the same anywhere.

-include .lab

BUILD	:= build
CC	:= gcc
LD	:= ld
NASM	:= nasm
STRIP	:= strip --strip-debug
QEMU	:= qemu-system-i386
GDBPORT	?= 1234
MEM	?= 128M

GCCINC	:= $(shell $(CC) -print-file-name=include)
LIBGCC	:= $(shell $(CC) -m32 -print-libgcc-file-name)

WERROR	?= -Werror
WARN	:= -Wall -Wextra $(WERROR)
COMMON	:= -m32 -std=gnu11 -ffreestanding -fno-pie -fno-stack-protector \
	   -fno-omit-frame-pointer -fno-asynchronous-unwind-tables -g $(WARN) -MMD -MP

# The kernel: no SSE/x87 code (the FPU state is not saved on traps).
KCFLAGS	:= $(COMMON) -O1 -mgeneral-regs-only -nostdinc -isystem $(GCCINC) -I. -Iinclude
UCFLAGS	:= $(COMMON) -Og -nostdinc -isystem $(GCCINC) -Iuser/include -Iinclude
NFLAGS	:= -f elf32 -g -F stabs
KLDFLAGS := -m elf_i386 -z noexecstack -T linker.ld
ULDFLAGS := -m elf_i386 -z noexecstack -static

# V=1 shows the full commands.
ifeq ($(V),1)
Q :=
else
Q := @
endif

QEMU_ARGS := -m $(MEM) -no-reboot -device isa-debug-exit,iobase=0xf4,iosize=0x04
ifeq ($(KVM),1)
QEMU_ARGS += -enable-kvm -cpu host
endif

# ---------------------------------------------------------------- kernel

KSRC	:= $(wildcard boot/*.asm kernel/*.asm mm/*.asm) \
	   $(wildcard boot/*.c kernel/*.c mm/*.c ipc/*.c)
KSRC	:= $(filter-out boot/initrd.asm,$(KSRC))
KOBJ	:= $(patsubst %,$(BUILD)/%.o,$(basename $(KSRC)))

all: $(BUILD)/kernel.elf $(BUILD)/os.iso

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	$(Q)$(CC) $(KCFLAGS) -c $< -o $@

$(BUILD)/%.o: %.asm
	@mkdir -p $(dir $@)
	@echo "  AS      $<"
	$(Q)$(NASM) $(NFLAGS) -MD $(BUILD)/$*.d $< -o $@

$(BUILD)/boot/initrd.o: boot/initrd.asm $(BUILD)/initrd.tar
	@mkdir -p $(dir $@)
	@echo "  AS      $<"
	$(Q)$(NASM) $(NFLAGS) -DINITRD='"$(BUILD)/initrd.tar"' $< -o $@

# The kernel is linked twice: the first link gives the addresses of its
# functions, which become the symbol table (.ksyms) that panic() uses for
# backtraces; .ksyms sits last, so the second link moves no function.
$(BUILD)/kernel.nosyms.elf: $(KOBJ) $(BUILD)/boot/initrd.o $(BUILD)/ksyms.empty.o linker.ld
	$(Q)$(LD) $(KLDFLAGS) -o $@ $(KOBJ) $(BUILD)/boot/initrd.o $(BUILD)/ksyms.empty.o $(LIBGCC)

$(BUILD)/ksyms.empty.o: tools/mksyms.sh
	@mkdir -p $(dir $@)
	$(Q)tools/mksyms.sh /dev/null > $(BUILD)/ksyms.empty.asm
	$(Q)$(NASM) -f elf32 $(BUILD)/ksyms.empty.asm -o $@

$(BUILD)/ksyms.o: $(BUILD)/kernel.nosyms.elf tools/mksyms.sh
	$(Q)nm -n $< | tools/mksyms.sh - > $(BUILD)/ksyms.asm
	$(Q)$(NASM) -f elf32 $(BUILD)/ksyms.asm -o $@

$(BUILD)/kernel.elf: $(KOBJ) $(BUILD)/boot/initrd.o $(BUILD)/ksyms.o linker.ld
	@echo "  LD      $@"
	$(Q)$(LD) $(KLDFLAGS) -o $@ $(KOBJ) $(BUILD)/boot/initrd.o $(BUILD)/ksyms.o $(LIBGCC)

$(BUILD)/os.iso: $(BUILD)/kernel.elf boot/grub.cfg
	@mkdir -p $(BUILD)/iso/boot/grub
	@echo "  ISO     $@"
	$(Q)cp $(BUILD)/kernel.elf $(BUILD)/iso/boot/kernel.elf
	$(Q)cp boot/grub.cfg $(BUILD)/iso/boot/grub/grub.cfg
	$(Q)grub-mkrescue -o $@ $(BUILD)/iso 2> $(BUILD)/grub-mkrescue.log || \
		{ cat $(BUILD)/grub-mkrescue.log; exit 1; }

# ---------------------------------------------------------------- user

LIBC_SRC  := $(wildcard user/lib/*.c user/lib/*.asm)
LIBC_OBJ  := $(patsubst %,$(BUILD)/%.o,$(basename $(filter-out user/lib/crt0.asm,$(LIBC_SRC))))
CRT0	  := $(BUILD)/user/lib/crt0.o
PROGS	  := $(patsubst user/bin/%.c,%,$(wildcard user/bin/*.c))
TESTS	  := $(patsubst user/tests/%.c,%,$(wildcard user/tests/*.c))

# EXTRA_PROGS given to make (even empty) is remembered in $(EXTRA_LIST), so
# the programs stay in the image for the makes, tests and grades after it;
# `make EXTRA_PROGS=` forgets them.
EXTRA_LIST := $(BUILD)/extra-progs
ifeq ($(origin EXTRA_PROGS),undefined)
EXTRA_PROGS := $(shell cat $(EXTRA_LIST) 2>/dev/null)
else
override EXTRA_PROGS := $(abspath $(EXTRA_PROGS))
endif
EXTRA	  := $(foreach p,$(EXTRA_PROGS),$(basename $(notdir $(p))))

# The labs' check programs: labs/LAB/tests/NAME.c becomes /lab/NAME (the
# names unique across labs); LAB_PROGS (tools/grade's hidden checks) adds more.
LAB_HIDDEN := $(abspath $(LAB_PROGS))
LAB_SRC	  := $(wildcard labs/*/tests/*.c) $(LAB_HIDDEN)
LABT	  := $(foreach p,$(LAB_SRC),$(basename $(notdir $(p))))

# dup_names LIST - the words that occur more than once in LIST.
dup_names = $(strip $(foreach n,$(sort $(1)),$(if $(word 2,$(filter $(n),$(1))),$(n))))
ifneq ($(filter-out clean,$(MAKECMDGOALS)$(if $(MAKECMDGOALS),,all)),)
ifneq ($(call dup_names,$(PROGS) $(EXTRA)),)
$(error EXTRA_PROGS: /bin/$(firstword $(call dup_names,$(PROGS) $(EXTRA))) is already in the image (programs: $(EXTRA_PROGS)); rename it, or `make EXTRA_PROGS=` to forget the remembered list in $(EXTRA_LIST))
endif
ifneq ($(call dup_names,$(LABT)),)
$(error lab check programs: two named /lab/$(firstword $(call dup_names,$(LABT))) ($(filter %/$(firstword $(call dup_names,$(LABT))).c,$(LAB_SRC))); prefix each with its lab's name)
endif
endif
ifneq ($(EXTRA_PROGS),$(shell cat $(EXTRA_LIST) 2>/dev/null))
$(shell mkdir -p $(BUILD) && echo '$(EXTRA_PROGS)' > $(EXTRA_LIST))
endif

$(BUILD)/user/%.o: user/%.c
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	$(Q)$(CC) $(UCFLAGS) -c $< -o $@

$(BUILD)/user/%.o: user/%.asm
	@mkdir -p $(dir $@)
	@echo "  AS      $<"
	$(Q)$(NASM) $(NFLAGS) -MD $(BUILD)/user/$*.d $< -o $@

$(BUILD)/user/libc.a: $(LIBC_OBJ)
	@echo "  AR      $@"
	$(Q)rm -f $@
	$(Q)ar rcs $@ $^

$(BUILD)/user/bin/%: $(BUILD)/user/bin/%.o $(CRT0) $(BUILD)/user/libc.a
	@echo "  LD      $@"
	$(Q)$(LD) $(ULDFLAGS) -o $@ $(CRT0) $< $(BUILD)/user/libc.a $(LIBGCC)

$(BUILD)/user/tests/%: $(BUILD)/user/tests/%.o $(CRT0) $(BUILD)/user/libc.a
	@echo "  LD      $@"
	$(Q)$(LD) $(ULDFLAGS) -o $@ $(CRT0) $< $(BUILD)/user/libc.a $(LIBGCC)

# Programs named in EXTRA_PROGS, built from wherever they live, with
# warnings shown but not fatal (like LAB_PROGS: code from outside the tree).
UXCFLAGS := $(filter-out -Werror,$(UCFLAGS))
define extra_prog
$(BUILD)/extra/$(basename $(notdir $(1))).o: $(1) FORCE
	@mkdir -p $(BUILD)/extra
	@echo "  CC      $(1)"
	$(Q)$(CC) $(UXCFLAGS) -c $(1) -o $$@
$(BUILD)/extra/$(basename $(notdir $(1))): $(BUILD)/extra/$(basename $(notdir $(1))).o $(CRT0) $(BUILD)/user/libc.a
	@echo "  LD      $$@"
	$(Q)$(LD) $(ULDFLAGS) -o $$@ $(CRT0) $$< $(BUILD)/user/libc.a $(LIBGCC)
endef
$(foreach p,$(EXTRA_PROGS),$(eval $(call extra_prog,$(p))))

# The labs' check programs (labs/*/tests/*.c, and LAB_PROGS), test.h at hand.
define lab_prog
$(BUILD)/lab/$(basename $(notdir $(1))).o: $(1)
	@mkdir -p $(BUILD)/lab
	@echo "  CC      $(1)"
	$(Q)$(CC) $(if $(filter $(1),$(LAB_HIDDEN)),$(UXCFLAGS),$(UCFLAGS)) -Iuser/tests -c $(1) -o $$@
$(BUILD)/lab/$(basename $(notdir $(1))): $(BUILD)/lab/$(basename $(notdir $(1))).o $(CRT0) $(BUILD)/user/libc.a
	@echo "  LD      $$@"
	$(Q)$(LD) $(ULDFLAGS) -o $$@ $(CRT0) $$< $(BUILD)/user/libc.a $(LIBGCC)
endef
$(foreach p,$(LAB_SRC),$(eval $(call lab_prog,$(p))))

ROOT_FILES := $(addprefix $(BUILD)/user/bin/,$(PROGS)) \
	      $(addprefix $(BUILD)/user/tests/,$(TESTS)) \
	      $(addprefix $(BUILD)/extra/,$(EXTRA)) \
	      $(addprefix $(BUILD)/lab/,$(LABT)) \
	      $(wildcard user/etc/*)

# The root file system the kernel unpacks at boot: a ustar archive of the
# programs without their debugging information (gdb reads that from the
# copies in build/user).  It is
# staged afresh each time (EXTRA_PROGS may differ) but replaced only when
# its contents changed, so an unchanged tree relinks nothing.
$(BUILD)/initrd.tar: $(ROOT_FILES) FORCE
	@rm -rf $(BUILD)/root && mkdir -p $(BUILD)/root/bin $(BUILD)/root/test \
		$(BUILD)/root/etc $(BUILD)/root/tmp $(BUILD)/root/dev $(BUILD)/root/lab
	@chmod 1777 $(BUILD)/root/tmp
	@for p in $(PROGS); do $(STRIP) $(BUILD)/user/bin/$$p -o $(BUILD)/root/bin/$$p; done
	@for p in $(TESTS); do $(STRIP) $(BUILD)/user/tests/$$p -o $(BUILD)/root/test/$$p; done
	@for p in $(EXTRA); do $(STRIP) $(BUILD)/extra/$$p -o $(BUILD)/root/bin/$$p; done
	@for p in $(LABT); do $(STRIP) $(BUILD)/lab/$$p -o $(BUILD)/root/lab/$$p; done
	@if [ -n "$(wildcard user/etc/*)" ]; then cp user/etc/* $(BUILD)/root/etc/; fi
	@tar --format=ustar --owner=0 --group=0 --mtime=@0 --sort=name \
		-cf $@.new -C $(BUILD)/root .
	@if cmp -s $@.new $@; then rm $@.new; else mv $@.new $@; echo "  packed $@"; fi

.PRECIOUS: $(BUILD)/user/%.o $(BUILD)/extra/%.o $(BUILD)/lab/%.o
FORCE:

# ---------------------------------------------------------------- running

deps:
	@tools/deps.sh

run: deps all
	@if [ -n "$$DISPLAY$$WAYLAND_DISPLAY" ]; then \
		echo "Booting build/os.iso in a QEMU window (serial console also here)."; \
		$(QEMU) $(QEMU_ARGS) -cdrom $(BUILD)/os.iso -serial stdio; \
	else $(MAKE) --no-print-directory run-nox; fi; true

run-nox: deps all
	@echo "Booting build/os.iso headless; the serial console is this terminal."
	@echo "Quit QEMU with Ctrl-A then X."
	@$(QEMU) $(QEMU_ARGS) -cdrom $(BUILD)/os.iso -display none -serial mon:stdio; true

debug: deps all
	@echo "QEMU is stopped and waits for gdb on port $(GDBPORT); run 'make gdb' in another terminal."
	@$(QEMU) $(QEMU_ARGS) -cdrom $(BUILD)/os.iso -display none -serial mon:stdio \
		-gdb tcp:127.0.0.1:$(GDBPORT) -S; true

gdb: deps $(BUILD)/kernel.elf
	gdb -q -ex "set \$$gdbport = $(GDBPORT)" -x tools/gdbinit $(BUILD)/kernel.elf

test: deps
	@tools/test.sh $(T)

linux-check: deps
	@tools/linux-check.sh $(T)

bench: deps all
	@tools/bench.sh

lab:
	@test -n "$(LAB)" -a -n "$(DIR)" || { echo "usage: make lab LAB=NAME DIR=PATH"; exit 2; }
	@tools/lab "$(LAB)" "$(DIR)"

grade:
	@tools/grade $(if $(HIDDEN),--hidden "$(HIDDEN)") $(LAB)

handin:
	@tools/handin

clean:
	rm -rf $(BUILD)

.PHONY: all deps run run-nox debug gdb test linux-check bench lab grade handin clean FORCE

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
