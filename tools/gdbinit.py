# tools/gdbinit.py - gdb helpers for Relay, loaded by tools/gdbinit.
#
#  - A frame unwinder for the trap entry (boot/isr.asm): trap_common and
#    sysenter_entry have no debugging information, so gdb's backtrace used
#    to stop there ("corrupt stack?").  The unwinder reads the struct
#    trapframe that they pushed and gives gdb the registers of the
#    interrupted code - the user program's (eip, esp, ebp...) for a system
#    call or a fault from user mode - so that `bt` goes on into the user
#    program's frames (with its symbols loaded: user-symbols PROG).
#  - A frame unwinder for the vsyscall page (kernel/vsyscall_page.asm),
#    where a system call made with sysenter returns: it pops what the
#    page's entry pushed (ebp, edx, ecx) and returns to the caller.
#  - `user-symbols PROG`: unload every user program's symbols loaded
#    before (gdb registers them under their absolute path, so
#    remove-symbol-file with the relative one fails), then load PROG's.
#  - `user-break LOCATION`: a breakpoint in the loaded user program that
#    stops only in a process running that program (its kernel name,
#    current->name), not in another program that runs the same address.
#  - `trapframe`: print the innermost trap frame (struct trapframe) and set
#    $tf to it, e.g. `print/x $tf->eip`, `print $tf->eax` (the system
#    call number).
import os

import gdb
from gdb.unwinder import Unwinder, register_unwinder

USER_DIRS = ("build/user/", "build/extra/")
PTR_SIZE = 4
ADD_ESP_LEN = 3     # "add esp, 4" after "call trap", just before trapret
INT80_LEN = 2       # the vsyscall page's restart point: int 0x80


def symbol_address(name):
    """The address of a kernel symbol, with or without debugging info."""
    return int(gdb.parse_and_eval("(unsigned int)&" + name))


def trap_return_addresses():
    """Where trap() returns to in trap_common, and sysenter_trap() in
    sysenter_entry: the only places where their frames are a caller's
    frame, esp at the tf argument."""
    return {symbol_address("trapret") - ADD_ESP_LEN: "trap_common",
            symbol_address("sysenter_exit") - ADD_ESP_LEN: "sysenter_entry"}


def trapframe_type():
    return gdb.lookup_type("struct trapframe")


def frame_trapframe(esp):
    """The trap frame pointer passed to trap(): pushed at esp."""
    ptr = gdb.Value(esp).cast(gdb.lookup_type("unsigned int").pointer())
    return int(ptr.dereference())


class FrameId:
    def __init__(self, sp, pc):
        self.sp = sp
        self.pc = pc


class TrapUnwinder(Unwinder):
    """Unwinds trap_common's frame through the trap frame it built."""

    def __init__(self):
        super().__init__("relay-trap")

    def __call__(self, pending_frame):
        try:
            entries = trap_return_addresses()
        except gdb.error:
            return None
        pc = int(pending_frame.read_register("eip"))
        if pc not in entries:
            return None
        start = symbol_address(entries[pc])
        sp = pending_frame.read_register("esp")
        tf = gdb.Value(frame_trapframe(int(sp))).cast(trapframe_type().pointer()).dereference()
        code = gdb.lookup_type("void").pointer().pointer()
        unwind = pending_frame.create_unwind_info(FrameId(sp, gdb.Value(start).cast(code)))
        for reg in ("eax", "ebx", "ecx", "edx", "esi", "edi", "ebp", "eip", "eflags"):
            unwind.add_saved_register(reg, tf[reg])
        if int(tf["cs"]) & 3:
            unwind.add_saved_register("esp", tf["esp"])
        else:   # from the kernel: the CPU pushed no esp, it was just above
            unwind.add_saved_register("esp", gdb.Value(int(tf.address) + trapframe_type().sizeof - 2 * PTR_SIZE))
        # A call through the vsyscall page: go on to its caller at once (a
        # frame of the page's own, on the user stack, would look inner to
        # this kernel one, and gdb would stop there).
        vsyscall = vsyscall_caller(int(tf["eip"]), int(tf["esp"]))
        for reg, value in vsyscall.items():
            unwind.add_saved_register(reg, value)
        return unwind


def vsyscall_caller(pc, sp):
    """At the vsyscall page's return (or restart) point, the registers of
    its caller: esp points at the ebp, edx and ecx the page pushed, then
    the return address.  Empty anywhere else."""
    try:
        ret = int(gdb.parse_and_eval("vsyscall_user_return"))
    except gdb.error:
        return {}
    if pc not in (ret, ret - INT80_LEN):
        return {}
    word = gdb.lookup_type("unsigned int")
    saved = [gdb.Value(sp + i * PTR_SIZE).cast(word.pointer()).dereference()
             for i in range(4)]
    regs = dict(zip(("ebp", "edx", "ecx", "eip"), saved))
    regs["esp"] = gdb.Value(sp + 4 * PTR_SIZE).cast(word)
    return regs


class VsyscallUnwinder(Unwinder):
    """Unwinds the vsyscall page's frame, for a stop in user mode there."""

    def __init__(self):
        super().__init__("relay-vsyscall")

    def __call__(self, pending_frame):
        sp = int(pending_frame.read_register("esp"))
        regs = vsyscall_caller(int(pending_frame.read_register("eip")), sp)
        if not regs:
            return None
        unwind = pending_frame.create_unwind_info(FrameId(gdb.Value(sp), pending_frame.read_register("eip")))
        for reg, value in regs.items():
            unwind.add_saved_register(reg, value)
        return unwind


register_unwinder(None, TrapUnwinder(), replace=True)
register_unwinder(None, VsyscallUnwinder(), replace=True)


def innermost_trapframe():
    rets = trap_return_addresses()
    frame = gdb.newest_frame()
    while frame is not None:
        if frame.pc() in rets:
            esp = int(frame.read_register("esp"))
            return frame_trapframe(esp)
        frame = frame.older()
    return None


class TrapframeCommand(gdb.Command):
    """Print the innermost trap frame (struct trapframe) and set $tf to it.
The trap frame holds the registers of the interrupted code: for a system
call, eax is its number and ebx, ecx, edx... its arguments; cs & 3 == 3
means it came from user mode."""

    def __init__(self):
        super().__init__("trapframe", gdb.COMMAND_STACK)

    def invoke(self, arg, from_tty):
        tf = innermost_trapframe()
        if tf is None:
            raise gdb.GdbError("trapframe: no trap on the stack (stop in the kernel below trap())")
        gdb.execute("set $tf = (struct trapframe *) %#x" % tf)
        gdb.execute("print/x *$tf")


class UserSymbolsCommand(gdb.Command):
    """Switch the user program's symbols to PROG's.
Usage: user-symbols NAME   (build/user/bin/NAME, e.g. user-symbols sh)
       user-symbols PATH   (e.g. user-symbols build/user/tests/pipe_basic)
Every user program's symbols loaded before are unloaded first: all user
programs are linked at the same addresses, so only one can be loaded."""

    program = None

    def __init__(self):
        super().__init__("user-symbols", gdb.COMMAND_FILES, gdb.COMPLETE_FILENAME)

    def invoke(self, arg, from_tty):
        argv = gdb.string_to_argv(arg)
        if len(argv) != 1:
            raise gdb.GdbError("usage: user-symbols NAME|PATH")
        path = argv[0] if "/" in argv[0] else os.path.join("build/user/bin", argv[0])
        if not os.path.isfile(path):
            raise gdb.GdbError("user-symbols: no file %s (run make first?)" % path)
        for objfile in gdb.objfiles():
            name = objfile.filename or ""
            if any(d in name for d in USER_DIRS):
                gdb.execute("remove-symbol-file %s" % name, to_string=True)
        confirm = gdb.parameter("confirm")
        gdb.execute("set confirm off")
        try:
            gdb.execute("add-symbol-file %s" % path, from_tty)
        finally:
            if confirm:
                gdb.execute("set confirm on")
        UserSymbolsCommand.program = path


class UserBreakCommand(gdb.Command):
    """Break at LOCATION of the user program loaded with user-symbols, only
in a process that runs it: break LOCATION if current->name is PROG."""

    def __init__(self):
        super().__init__("user-break", gdb.COMMAND_BREAKPOINTS, gdb.COMPLETE_SYMBOL)

    def invoke(self, arg, from_tty):
        if not arg or not UserSymbolsCommand.program:
            raise gdb.GdbError("usage: user-symbols PROG, then user-break LOCATION")
        name = os.path.basename(UserSymbolsCommand.program)
        gdb.execute('break %s if $_streq(current->name, "%s")' % (arg, name), from_tty)


TrapframeCommand()
UserSymbolsCommand()
UserBreakCommand()
