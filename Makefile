# Makefile - builds the kernel, the user programs and the bootable ISO.
#
#   make            build/kernel.elf and build/os.iso
#   make run        boot the ISO in QEMU (VGA window if there is a display)
#   make run-nox    boot the ISO headless, serial console on this terminal
#   make test       run every test; ends with "N passed, M failed"
#   make debug      QEMU stopped, waiting for gdb on port $(GDBPORT)
#   make gdb        attach gdb to `make debug` with the kernel's symbols
#   make bench      benchmarks per operation in cycles and instructions,
#                   Relay/Linux per row (BENCH_LINUX=0 leaves Linux out)
#   make linux-check  the user tests built for Linux and run on this host
#   make help       the targets and variables, in one screen
#   make compare PROG=path.c  one program in Relay and in Linux, side by side
#   make bench-linux  the benchmark in Relay and in Linux, one table
#   make fuzz       a system call fuzzing campaign: N calls (default a
#                   million) from SEED (default: the time), tools/fuzz.sh
#
# `make run`, `make test`, `make debug` and `make gdb` first install any
# missing Debian packages through tools/deps.sh.
#
# User programs: every user/bin/NAME.c becomes /bin/NAME, every
# user/tests/NAME.c becomes /test/NAME, every labs/LAB/tests/NAME.c (a lab's
# check program) becomes /lab/NAME, files in user/etc/ go to /etc/.
# EXTRA_PROGS="a.c dir/b.c" adds /bin/a and /bin/b from outside the tree;
# the list is remembered in build/extra-progs until `make EXTRA_PROGS=`.
# Linux programs: every user/linux/NAME.c, built on the host with glibc,
# becomes /linux/glibc/NAME, and with musl /linux/musl/NAME; busybox is
# /linux/busybox (musl and busybox once `tools/deps.sh musl busybox` ran).
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

# A variant of the kernel for tools/relay-image.sh: the same kernel, its
# root the archive that script staged in $(BUILD)/variant/NAME/initrd.tar.
# It links the objects `make all` left, without remaking them (nor the
# image's archive, which tests that run meanwhile are using).
$(BUILD)/variant/%/kernel.elf: $(BUILD)/variant/%/initrd.tar
	$(Q)$(NASM) $(NFLAGS) -DINITRD='"$(BUILD)/variant/$*/initrd.tar"' boot/initrd.asm \
		-o $(BUILD)/variant/$*/initrd.o
	$(Q)$(LD) $(KLDFLAGS) -o $@ $(KOBJ) $(BUILD)/variant/$*/initrd.o $(BUILD)/ksyms.o $(LIBGCC)

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
# `make EXTRA_PROGS=` forgets them.  EXTRA_ONCE=1 builds them without
# remembering (tools/compare.sh builds one program that way).
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
ifeq ($(EXTRA_ONCE),)
ifneq ($(EXTRA_PROGS),$(shell cat $(EXTRA_LIST) 2>/dev/null))
$(shell mkdir -p $(BUILD) && echo '$(EXTRA_PROGS)' > $(EXTRA_LIST))
endif
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

# Unmodified Linux programs, built on the host (gcc -m32 -static) with
# glibc and, once fetched into build/deps, with musl (tools/musl-gcc); and
# Debian's busybox-static.  They run on Relay as they do on Linux.
LINUX_PROGS := $(patsubst user/linux/%.c,%,$(wildcard user/linux/*.c))
LINUX_CFLAGS := -O2 -s -Wall -Wextra -Werror
MUSL_LIBC := $(BUILD)/deps/musl/usr/lib/i386-linux-musl/libc.a
BUSYBOX	:= $(wildcard $(BUILD)/deps/busybox/bin/busybox)
LINUX_FILES := $(addprefix glibc/,$(LINUX_PROGS)) \
	       $(if $(wildcard $(MUSL_LIBC)),$(addprefix musl/,$(LINUX_PROGS)))

$(BUILD)/linux-bin/glibc/%: user/linux/%.c
	@mkdir -p $(dir $@)
	@echo "  GLIBC   $<"
	$(Q)$(CC) -m32 -static $(LINUX_CFLAGS) -o $@ $<

$(BUILD)/linux-bin/musl/%: user/linux/%.c $(MUSL_LIBC) tools/musl-gcc
	@mkdir -p $(dir $@)
	@echo "  MUSL    $<"
	$(Q)tools/musl-gcc $(LINUX_CFLAGS) -o $@ $<

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
	      $(addprefix $(BUILD)/linux-bin/,$(LINUX_FILES)) $(BUSYBOX) \
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
	@mkdir -p $(BUILD)/root/usr && ln -s ../bin $(BUILD)/root/usr/bin
	@for p in $(PROGS); do $(STRIP) $(BUILD)/user/bin/$$p -o $(BUILD)/root/bin/$$p; done
	@for p in $(TESTS); do $(STRIP) $(BUILD)/user/tests/$$p -o $(BUILD)/root/test/$$p; done
	@for p in $(EXTRA); do $(STRIP) $(BUILD)/extra/$$p -o $(BUILD)/root/bin/$$p; done
	@for p in $(LABT); do $(STRIP) $(BUILD)/lab/$$p -o $(BUILD)/root/lab/$$p; done
	@if [ -n "$(wildcard user/etc/*)" ]; then cp user/etc/* $(BUILD)/root/etc/; fi
	@for f in $(LINUX_FILES); do mkdir -p $(BUILD)/root/linux/$$(dirname $$f) && \
		cp $(BUILD)/linux-bin/$$f $(BUILD)/root/linux/$$f; done
	@if [ -n "$(BUSYBOX)" ]; then mkdir -p $(BUILD)/root/linux && \
		cp $(BUSYBOX) $(BUILD)/root/linux/busybox; fi
	@tar --format=ustar --owner=0 --group=0 --mtime=@0 --sort=name \
		-cf $@.new -C $(BUILD)/root .
	@if cmp -s $@.new $@; then rm $@.new; else mv $@.new $@; echo "  packed $@"; fi

.PRECIOUS: $(BUILD)/user/%.o $(BUILD)/extra/%.o $(BUILD)/lab/%.o
FORCE:

# ---------------------------------------------------------------- running

deps:
	@tools/deps.sh

export QEMU QEMU_ARGS GDBPORT

run: deps all
	@tools/boot.sh window

run-nox: deps all
	@tools/boot.sh nox

debug: deps all
	@tools/boot.sh debug

# gdb waits ~15 s for a stub that is not there: say what to do at once.
gdb: deps $(BUILD)/kernel.elf
	@bash -c 'exec 3<>/dev/tcp/127.0.0.1/$(GDBPORT)' 2>/dev/null || \
		{ echo "make gdb: nothing listens on port $(GDBPORT): run 'make debug' first (in another terminal)." >&2; exit 1; }
	gdb -q -ex "set \$$gdbport = $(GDBPORT)" -x tools/gdbinit $(BUILD)/kernel.elf

test: deps
	@tools/deps.sh busybox musl linux || \
		echo "make test: going on without them: the host/linux_* tests will fail"
	@tools/test.sh $(T)

linux-check: deps
	@tools/linux-check.sh $(T)

# With Debian's i686 Linux kernel (fetched here unless BENCH_LINUX=0), the
# table also holds Relay/Linux per row; without it, bench goes on alone.
bench: deps all
	@[ "$$BENCH_LINUX" = 0 ] || tools/deps.sh linux || \
		echo "make bench: going on without Linux: no Relay/Linux ratios"
	@tools/bench.sh

# compile_commands.json for editors and clangd: every C file of the kernel
# and the user programs with the flags it is built with.
compile_commands.json: FORCE
	@tools/compile-commands.sh "$(CC)" "$(KCFLAGS)" "$(UCFLAGS)" \
		"$(filter %.c,$(KSRC))" "$(LIBC_SRC) $(wildcard user/bin/*.c user/tests/*.c)" > $@.new
	@mv $@.new $@
	@echo "  wrote $@"

help:
	@echo "Targets:"
	@echo "  make [all]        build build/kernel.elf and build/os.iso"
	@echo "  make run          boot the ISO in a QEMU window (headless if no display)"
	@echo "  make run-nox      boot headless; serial console here, quit with Ctrl-A X"
	@echo "  make debug        boot stopped, gdb stub on port GDBPORT"
	@echo "  make gdb          attach gdb to 'make debug' (another terminal)"
	@echo "  make test         build and run every test: 'N passed, M failed'"
	@echo "  make bench        benchmarks per operation, Relay/Linux per row"
	@echo "  make linux-check  the user tests on this host's Linux (root)"
	@echo "  make compare PROG=x.c  one program in Relay and in Linux, side by side"
	@echo "  make bench-linux  the benchmark in Relay and in Linux, one table"
	@echo "  make compile_commands.json   compiler flags for editors"
	@echo "  make clean        remove build/"
	@echo "Variables:"
	@echo "  T=PATTERN         make test: only tests whose name contains PATTERN"
	@echo "  TEST_JOBS=N       make test: N tests at once (default 2)"
	@echo "  TEST_TIMEOUT=S    make test: seconds per user test (default 30)"
	@echo "  EXTRA_PROGS='a.c' add /bin/a built from a.c to the image"
	@echo "  KVM=1             use KVM instead of QEMU's emulation"
	@echo "  GDBPORT=N         gdb port of make debug / make gdb (default 1234)"
	@echo "  MEM=SIZE          guest memory (default 128M)"
	@echo "  BENCH_LINUX=0     make bench: leave Linux out (no ratios)"
	@echo "  V=1               show the full build commands"

# The Linux side of compare and bench-linux needs Debian's i686 kernel.
compare: deps all
	@tools/deps.sh linux
	@tools/compare.sh $(PROG) $(ARGS) || [ $$? = 1 ]	# 1: the outputs differ

bench-linux: deps all
	@tools/deps.sh linux
	@tools/bench-linux.sh $(T)
fuzz: deps all
	@tools/fuzz.sh $(N) $(SEED)

lab:
	@test -n "$(LAB)" -a -n "$(DIR)" || { echo "usage: make lab LAB=NAME DIR=PATH"; exit 2; }
	@tools/lab "$(LAB)" "$(DIR)"

grade:
	@tools/grade $(if $(HIDDEN),--hidden "$(HIDDEN)") $(LAB)

handin:
	@tools/handin

clean:
	rm -rf $(BUILD)

.PHONY: all deps run run-nox debug gdb test linux-check bench compare bench-linux fuzz lab grade handin clean help FORCE

-include $(shell find $(BUILD) -path $(BUILD)/deps -prune -o -name '*.d' -print 2>/dev/null)
